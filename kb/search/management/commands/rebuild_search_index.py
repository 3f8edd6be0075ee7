from django.core.management.base import BaseCommand

from kb.search.services import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index from published articles, law provisions and guide trees (safe to re-run)."

    def handle(self, *args, **options):
        counts = rebuild_index()
        self.stdout.write(
            f"indexed {counts['article']} articles, {counts['provision']} provisions, {counts['guide']} guide trees"
        )
