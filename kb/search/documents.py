"""What each searchable page puts in the index: title (weight A), label (B), body (C).

Search sits above laws, articles and guide and only reads them. Articles come through
`Article.objects.publishable()` (published, or scheduled with a future published_at, which the
query hides until its time); trees through `Tree.objects.published()`; provisions are all public.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from html import unescape

from kb.articles.models import Article
from kb.guide.models import Tree
from kb.laws.models import Provision

ARTICLE, PROVISION, GUIDE = "article", "provision", "guide"
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class DocumentData:
    kind: str
    object_id: int
    title: str
    url: str
    category: str
    label: str
    body: str
    published_at: datetime | None = None


def plain_text(html: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def article_queryset():
    return Article.objects.publishable().select_related("category").prefetch_related("faqs")


def article_document(article: Article) -> DocumentData:
    faqs = " ".join(f"{f.question} {f.answer}" for f in article.faqs.all())
    body = plain_text(article.body_html) if article.body_html else article.body
    return DocumentData(
        kind=ARTICLE,
        object_id=article.pk,
        title=article.title,
        url=article.get_absolute_url(),
        category=article.category.name,
        label=article.short_answer,
        body=f"{body} {faqs}".strip(),
        published_at=article.published_at,
    )


def provision_queryset():
    return Provision.objects.select_related("law")


def provision_document(provision: Provision) -> DocumentData:
    law = provision.law
    heading = " ".join(
        p for p in (law.title, provision.part, provision.chapter, provision.section) if p
    )
    return DocumentData(
        kind=PROVISION,
        object_id=provision.pk,
        title=f"《{law.short_title}》{provision.label}",
        url=provision.get_absolute_url(),
        category=law.short_title,
        label=heading,
        body=provision.text,
    )


def tree_queryset():
    return Tree.objects.published().prefetch_related("nodes__choices")


def tree_document(tree: Tree) -> DocumentData:
    parts = []
    for node in tree.nodes.all():
        parts.append(node.title)
        parts.extend(
            plain_text(h) for h in (node.help_html, node.answer_html, node.next_steps_html) if h
        )
        parts.extend(choice.label for choice in node.choices.all())
    return DocumentData(
        kind=GUIDE,
        object_id=tree.pk,
        title=tree.title,
        url=tree.get_absolute_url(),
        category="问答向导",
        label=plain_text(tree.intro_html),
        body=" ".join(parts),
    )


def all_documents(chunk_size: int = 2000) -> Iterator[DocumentData]:
    sources: Iterable = (
        (article_queryset(), article_document),
        (provision_queryset(), provision_document),
        (tree_queryset(), tree_document),
    )
    for queryset, build in sources:
        for obj in queryset.iterator(chunk_size=chunk_size):
            yield build(obj)
