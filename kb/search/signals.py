"""Keep the index in sync when content is saved, published, unpublished or deleted.

STYLE.md rules out signals *between* our apps, but search sits above laws, articles and guide
and nothing below may import it (DESIGN.md: dependencies point one way). Listening here, wired
in SearchConfig.ready(), is the one way the index can follow admin edits without the content
apps knowing search exists. Fixture loads (raw saves) are skipped: load_content rebuilds the
index in one go at the end, and `manage.py rebuild_search_index` does the same by hand.
"""

from django.db.models.signals import post_delete, post_save

from kb.articles.models import FAQ, Article, Category
from kb.guide.models import Choice, Node, Tree
from kb.laws.models import Law, Provision
from kb.search import documents, services, vocabulary
from kb.search.models import Synonym


def _skip(kwargs) -> bool:
    return bool(kwargs.get("raw"))


def article_saved(sender, instance, **kwargs):
    if not _skip(kwargs):
        services.index_article(instance)


def article_deleted(sender, instance, **kwargs):
    services.remove(documents.ARTICLE, [instance.pk])


def faq_changed(sender, instance, **kwargs):
    if not _skip(kwargs) and Article.objects.filter(pk=instance.article_id).exists():
        services.index_article(instance.article)


def category_saved(sender, instance, **kwargs):
    if not _skip(kwargs):
        for article in Article.objects.publishable().filter(category=instance).only("pk"):
            services.index_article(article)


def provision_saved(sender, instance, **kwargs):
    if not _skip(kwargs):
        services.index_provision(instance)


def provision_deleted(sender, instance, **kwargs):
    services.remove(documents.PROVISION, [instance.pk])


def law_saved(sender, instance, **kwargs):
    if not _skip(kwargs):
        for provision in instance.provisions.only("pk"):
            services.index_provision(provision)


def tree_saved(sender, instance, **kwargs):
    if not _skip(kwargs):
        services.index_tree(instance)


def tree_deleted(sender, instance, **kwargs):
    services.remove(documents.GUIDE, [instance.pk])


def node_changed(sender, instance, **kwargs):
    if not _skip(kwargs) and Tree.objects.filter(pk=instance.tree_id).exists():
        services.index_tree(Tree(pk=instance.tree_id))


def choice_changed(sender, instance, **kwargs):
    if _skip(kwargs):
        return
    tree_id = Node.objects.filter(pk=instance.node_id).values_list("tree_id", flat=True).first()
    if tree_id is not None:
        services.index_tree(Tree(pk=tree_id))


RECEIVERS = [
    (post_save, Article, article_saved),
    (post_delete, Article, article_deleted),
    (post_save, FAQ, faq_changed),
    (post_delete, FAQ, faq_changed),
    (post_save, Category, category_saved),
    (post_save, Provision, provision_saved),
    (post_delete, Provision, provision_deleted),
    (post_save, Law, law_saved),
    (post_save, Law, vocabulary.forget),
    (post_delete, Law, vocabulary.forget),
    (post_save, Synonym, vocabulary.forget),
    (post_delete, Synonym, vocabulary.forget),
    (post_save, Tree, tree_saved),
    (post_delete, Tree, tree_deleted),
    (post_save, Node, node_changed),
    (post_delete, Node, node_changed),
    (post_save, Choice, choice_changed),
    (post_delete, Choice, choice_changed),
]


def connect() -> None:
    for signal, model, receiver in RECEIVERS:
        signal.connect(
            receiver,
            sender=model,
            dispatch_uid=f"search-{model._meta.label}-{receiver.__name__}-{id(signal)}",
        )
