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


def load_content() -> list[str]:
    """Load every fixture in one transaction (a malformed file changes nothing), then re-render
    and re-index. Safe to run again."""
    folder = Path(settings.BASE_DIR) / "fixtures"
    out = []
    with transaction.atomic():
        for stem in FIXTURE_ORDER:
            for path in sorted(folder.glob(f"{stem}*.json")):
                try:
                    if stem == "laws":
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
        index = StringIO()
        call_command("rebuild_search_index", stdout=index)
        out.append(index.getvalue().strip())
        out.append(f"recorded {record_missing_history()} first history entries")
    return out
