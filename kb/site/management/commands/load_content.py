from django.core.management.base import BaseCommand

from kb.site.content import load_content


class Command(BaseCommand):
    help = "Load fixtures/ in dependency order (laws, articles, guide, rates), then re-render and re-index. Idempotent."

    def handle(self, *args, **options):
        for line in load_content():
            self.stdout.write(line)
