from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from kb.site.backup import make_backup


class Command(BaseCommand):
    help = "Write the whole database and the uploaded media into one .tar.gz file (see `restore`)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="default: kb-backup-<time>.tar.gz")

    def handle(self, *args, **options):
        path = Path(options["path"] or f"kb-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        stats = make_backup(path)
        self.stdout.write(
            f"backed up {stats['rows']} rows and {stats['media']} media files to {path}"
        )
