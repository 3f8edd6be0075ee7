from django.core.management.base import BaseCommand

from kb.search.services import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index from published articles, law provisions and guide trees (safe to re-run)."

    def handle(self, *args, **options):
        message = "indexed {article} articles, {provision} provisions, {guide} guide trees"
        self.stdout.write(message.format(**rebuild_index()))
