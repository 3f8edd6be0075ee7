from django.core.management.base import BaseCommand

from kb.articles.services import flag_stale_articles, rerender_all


class Command(BaseCommand):
    help = (
        "Re-parse every article's citations: refresh citation rows and 需复核 flags, list misses."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only report; change nothing")

    def handle(self, *args, **options):
        unresolved = []
        count = rerender_all(store=not options["dry_run"], unresolved=unresolved)
        if not options["dry_run"]:
            flag_stale_articles()
        for article, miss in unresolved:
            self.stdout.write(f"{article.slug}: {miss.raw_text} — {miss.reason}")
        self.stdout.write(f"检查了 {count} 篇文章，{len(unresolved)} 处引用未能解析。")
