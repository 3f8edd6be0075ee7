from django.core.management.base import BaseCommand, CommandError

from kb.articles.synthetic import generate_articles


class Command(BaseCommand):
    help = (
        "Create N synthetic published articles (deterministic for a given --seed) for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, count: int, seed: int, **options):
        if count < 0:
            raise CommandError("count must be zero or more")
        made = generate_articles(count, seed=seed)
        self.stdout.write(f"generated {made} synthetic articles (seed {seed})")
