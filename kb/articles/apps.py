from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "kb.articles"
    verbose_name = "文章"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from kb.articles.models import Article
        from kb.articles.services import flag_when_committed, store_citations_after_save
        from kb.core.content_version import watch_schedule
        from kb.laws.models import Change

        # Article.save() renders; its citation rows are rebuilt once the row is saved.
        post_save.connect(store_citations_after_save, sender=Article, dispatch_uid="articles-cite")
        watch_schedule(Article.objects.next_publication)  # timed articles appear on time

        # A law change flags the articles citing it as soon as it is committed (the admin
        # list and the review queue also catch up on open, e.g. after a raw SQL import).
        post_save.connect(flag_when_committed, sender=Change, dispatch_uid="articles-flag-stale")
