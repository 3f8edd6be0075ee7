"""Profile the hot pages in-process with pyinstrument (page cache off, so the view runs).

Usage, against a database prepared like bench/pages.py does (DATABASE_URL, DJANGO_DEBUG=0,
collected static files):

    .venv/bin/python bench/profile.py [--requests N] [--html DIR] [PATH ...]

Prints each page's mean time per request and pyinstrument's call tree; with --html writes
one HTML report per page.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

PAGES = [
    "/articles/jiebei-yuqi-huabei-hai-neng-yong-ma/",
    "/",
    "/laws/minfadian/675/",
    "/guide/yuqi-hou-hui-zenyang/",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=PAGES)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--html", type=Path)
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
    for path in args.paths:
        if client.get(path).status_code != 200:  # warm per-process caches
            raise SystemExit(f"{path} does not answer 200")
        profiler = Profiler(interval=0.0005)
        start = time.perf_counter()
        with profiler:
            for _ in range(args.requests):
                client.get(path)
        per_request = (time.perf_counter() - start) / args.requests * 1000
        print(f"\n=== {path}: {per_request:.2f} ms per request (profiled) ===")
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        if args.html:
            args.html.mkdir(parents=True, exist_ok=True)
            name = path.strip("/").replace("/", "_") or "home"
            (args.html / f"{name}.html").write_text(profiler.output_html())


if __name__ == "__main__":
    main()
