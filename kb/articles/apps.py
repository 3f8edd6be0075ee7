from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "kb.articles"
    verbose_name = "文章"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from kb.articles.review import flag_when_committed
        from kb.laws.models import Change

        # A law change flags the articles citing it as soon as it is committed (the admin
        # list and the review queue also catch up on open, e.g. after a raw SQL import).
        post_save.connect(flag_when_committed, sender=Change, dispatch_uid="articles-flag-stale")
