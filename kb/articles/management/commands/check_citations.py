from django.core.management.base import BaseCommand

from kb.articles.review import check_citations


class Command(BaseCommand):
    help = (
        "Re-parse every article's citations against the laws in the database, refresh the "
        "citation rows and 需复核 flags, and list the citations that could not be resolved."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only report; change nothing")

    def handle(self, *args, **options):
        report = check_citations(store=not options["dry_run"])
        for article, raw, reason in report.unresolved:
            self.stdout.write(f"{article.slug}: {raw} — {reason}")
        self.stdout.write(
            f"检查了 {report.articles} 篇文章，{len(report.unresolved)} 处引用未能解析。"
        )
