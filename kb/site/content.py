"""Loading the site's starting content from fixtures/, safely and repeatably."""

from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from kb.articles.services import rerender_all
from kb.core.history import record_missing_history
from kb.guide.services import rerender_all as rerender_guides
from kb.laws.law_fixture import load_laws_fixture

FIXTURE_ORDER = ["laws", "articles", "guide", "search", "rates", "letters"]


def fixture_files() -> list[Path]:
    folder = Path(settings.BASE_DIR) / "fixtures"
    files = []
    for stem in FIXTURE_ORDER:
        files.extend(sorted(folder.glob(f"{stem}*.json")))
    return files


def load_content() -> list[str]:
    """Load every fixture in one transaction: a malformed file changes nothing."""
    out = []
    with transaction.atomic():
        for path in fixture_files():
            try:
                if path.name.startswith("laws"):
                    counts = load_laws_fixture(path)
                    note = ", ".join(f"{n} {what}" for what, n in counts.items())
                    out.append(f"loaded {path.name} ({note})")
                else:
                    call_command("loaddata", str(path), verbosity=0)
                    out.append(f"loaded {path.name}")
            except Exception as exc:
                raise CommandError(f"{path.name}：无法载入，数据库未作任何改动。{exc}") from exc
        out.append(f"rendered {rerender_all()} articles")
        out.append(f"rendered {rerender_guides()} guide nodes")
        out.append(_captured("rebuild_search_index"))
        out.append(f"recorded {record_missing_history()} first history entries")
    return out


def _captured(command: str) -> str:
    buffer = StringIO()
    call_command(command, stdout=buffer)
    return buffer.getvalue().strip()
