"""Keep the index in step as content is saved or deleted (the content apps never import search).
Raw saves are skipped: load_content runs `rebuild_search_index` at the end."""

from django.db.models.signals import post_delete, post_save

from kb.articles.models import FAQ, Article, Category
from kb.guide.models import Choice, Node, Tree
from kb.laws.models import Law, Provision
from kb.search import vocabulary
from kb.search.models import Synonym
from kb.search.services import ARTICLE, GUIDE, PROVISION, reindex

# Each model feeding the index → (kind, ids of the pages that a change to one row touches).
PAGES = {
    Article: lambda article: (ARTICLE, [article.pk]),
    FAQ: lambda faq: (ARTICLE, [faq.article_id]),
    Category: lambda category: (ARTICLE, category.articles.values_list("pk", flat=True)),
    Provision: lambda provision: (PROVISION, [provision.pk]),
    Law: lambda law: (PROVISION, law.provisions.values_list("pk", flat=True)),
    Tree: lambda tree: (GUIDE, [tree.pk]),
    Node: lambda node: (GUIDE, [node.tree_id]),
    Choice: lambda choice: (
        GUIDE,
        Node.objects.filter(pk=choice.node_id).values_list("tree_id", flat=True),
    ),
}


def changed(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        reindex(*PAGES[sender](instance))


for model in PAGES:
    post_save.connect(changed, sender=model)
    post_delete.connect(changed, sender=model)
for model in (Law, Synonym):
    post_save.connect(vocabulary.forget, sender=model)
    post_delete.connect(vocabulary.forget, sender=model)
