from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kb.laws.lawfile import LawFileError, parse_law_file
from kb.laws.services import MissingProvisions, import_law


class Command(BaseCommand):
    help = "Import statute files (kb/laws/lawfile.py) named by their laws' slugs: all or none."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="law files, e.g. laws/minfadian.md")
        parser.add_argument(
            "--delete-missing",
            action="store_true",
            help="delete provisions that are no longer in the file (their citations go with them)",
        )

    def handle(self, *args, **options):
        parsed = []
        for path in options["paths"]:
            try:
                parsed.append((path.stem, *parse_law_file(path.read_text(encoding="utf-8"))))
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(f"{path}: 无法读取文件（{exc}）") from None
            except LawFileError as exc:
                raise CommandError(f"{path}: {exc}") from None
        try:
            with transaction.atomic():
                for slug, law, provisions in parsed:
                    self.stdout.write(import_law(slug, law, provisions, options["delete_missing"]))
        except MissingProvisions as exc:
            raise CommandError(f"{exc}。如确属删除，请加 --delete-missing。") from None
