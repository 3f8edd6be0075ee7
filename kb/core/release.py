"""Which release of the code is running, so a page cached by another one is never served.

Pages are cached under the content version, which only content edits change. A deploy that
changes a template, the code or the CSS (whose hashed file name the pages link to) changes no
content; without this, the new release would keep serving pages rendered by the old one — for
up to PAGE_CACHE_SECONDS, linking stylesheets a fresh `collectstatic` may no longer have. The
fingerprint covers the Python code and templates under the project and the static files'
manifest, read once per process.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings

SUFFIXES = {".py", ".html", ".txt", ".xml", ".json"}


def fingerprint(files: list[Path], base: Path) -> str:
    """A short hash of these files' names (relative to `base`) and contents."""
    digest = hashlib.sha1()
    for path in sorted(files):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def release_files(base: Path) -> list[Path]:
    files = [
        path
        for folder in (base / "kb", base / "templates")
        for path in folder.rglob("*")
        if path.suffix in SUFFIXES and path.is_file()
    ]
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if manifest.is_file() and manifest.is_relative_to(base):
        files.append(manifest)
    return files


@lru_cache(maxsize=1)
def release_id() -> str:
    base = Path(settings.BASE_DIR)
    return fingerprint(release_files(base), base)
