from django.core.management.base import BaseCommand, CommandError

from kb.guide.models import Tree
from kb.guide.services import problems_for


class Command(BaseCommand):
    help = "Check every question tree with the validator; fail if a published tree is broken."

    def add_arguments(self, parser):
        parser.add_argument("--strict", action="store_true", help="Fail on broken drafts too.")

    def handle(self, *args, strict=False, **options):
        failing = []
        for tree in Tree.objects.all():
            if not (problems := problems_for(tree)):
                self.stdout.write(f"OK      {tree.slug}")
                continue
            self.stdout.write(f"INVALID {tree.slug} ({tree.get_status_display()})")
            for problem in problems:
                self.stdout.write(f"  - [{problem.code}] {problem.message}")
            if strict or tree.is_published():
                failing.append(tree.slug)
        if failing:
            raise CommandError(
                f"{len(failing)} tree(s) have structural problems: {', '.join(failing)}"
            )
