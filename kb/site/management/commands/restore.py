from pathlib import Path

from django.core.management.base import BaseCommand

from kb.site.backup import restore_backup


class Command(BaseCommand):
    help = "Replace the database and the media with a `backup` archive's (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="archive written by `manage.py backup`")

    def handle(self, *args, **options):
        stats = restore_backup(Path(options["path"]))
        self.stdout.write(f"restored {stats['rows']} rows and {stats['media']} media files")
        if stats["set_aside"]:
            self.stdout.write(f"media files not in the backup were moved to {stats['set_aside']}")
