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

        # Citation rows are rebuilt once Article.save() has rendered and saved the row; a law
        # change flags the articles citing it once committed (the admin catches up on open too).
        post_save.connect(store_citations_after_save, sender=Article, dispatch_uid="articles-cite")
        post_save.connect(flag_when_committed, sender=Change, dispatch_uid="articles-flag-stale")
        watch_schedule(Article.objects.next_publication)  # timed articles appear on time
