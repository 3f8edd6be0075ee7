"""Count the SQL queries of each page on a page-cache miss, printed as JSON for bench/pages.py."""

import json
import os
import sys
from pathlib import Path


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
    import django

    django.setup()

    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    pages = json.loads(sys.argv[1])
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for name, path in pages.items():
        client.get(path)  # first hit warms per-process caches (law registry, templates)
        for cache in caches.all():  # …and the page cache must not answer the counted request
            cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        counts[name] = len(ctx.captured_queries)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
