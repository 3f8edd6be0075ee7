"""What each public page puts in the index (title, label, body), and keeping it in step with
the content; scheduled articles stay out until their time (`publishable()`)."""

import re
from collections.abc import Iterable, Iterator
from html import unescape
from itertools import islice

from django.db import transaction

from kb.articles.models import Article
from kb.guide.models import Tree
from kb.laws.models import Provision
from kb.search.backends import backend
from kb.search.models import SearchDocument
from kb.search.ranking import indexed_fields

ARTICLE, PROVISION, GUIDE = "article", "provision", "guide"
FIELDS = ("title", "url", "category", "label", "body", "published_at")
_TAG = re.compile(r"<[^>]+>")


def plain_text(html: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def article_document(article: Article) -> SearchDocument:
    faqs = " ".join(f"{f.question} {f.answer}" for f in article.faqs.all())
    body = plain_text(article.body_html) if article.body_html else article.body
    return SearchDocument(
        kind=ARTICLE,
        object_id=article.pk,
        title=article.title,
        url=article.get_absolute_url(),
        category=article.category.name,
        label=article.short_answer,
        body=f"{body} {faqs}".strip(),
        published_at=article.published_at,
    )


def provision_document(provision: Provision) -> SearchDocument:
    law = provision.law
    heading = (law.title, provision.part, provision.chapter, provision.section)
    return SearchDocument(
        kind=PROVISION,
        object_id=provision.pk,
        title=f"《{law.short_title}》{provision.label}",
        url=provision.get_absolute_url(),
        category=law.short_title,
        label=" ".join(p for p in heading if p),
        body=provision.text,
    )


def tree_document(tree: Tree) -> SearchDocument:
    parts = []
    for node in tree.nodes.all():
        parts.append(node.title)
        parts.extend(map(plain_text, (node.help_html, node.answer_html, node.next_steps_html)))
        parts.extend(choice.label for choice in node.choices.all())
    return SearchDocument(
        kind=GUIDE,
        object_id=tree.pk,
        title=tree.title,
        url=tree.get_absolute_url(),
        category="问答向导",
        label=plain_text(tree.intro_html),
        body=" ".join(filter(None, parts)),
    )


def documents(kind: str, pks: Iterable[int] | None = None) -> Iterator[SearchDocument]:
    """The unsaved index rows of the public pages of one kind (those among `pks` if given)."""
    queryset, build = {
        ARTICLE: (
            Article.objects.publishable().select_related("category").prefetch_related("faqs"),
            article_document,
        ),
        PROVISION: (Provision.objects.select_related("law"), provision_document),
        GUIDE: (Tree.objects.published().prefetch_related("nodes__choices"), tree_document),
    }[kind]
    if pks is not None:
        queryset = queryset.filter(pk__in=pks)
    return (build(obj) for obj in queryset.iterator(chunk_size=2000))


def write_words(rows: list[SearchDocument]) -> None:
    """Give saved index rows their words in the backend's word index."""
    backend().write([(d.pk, *indexed_fields(d.kind, d.title, d.label, d.body)) for d in rows])


def reindex(kind: str, pks: Iterable[int]) -> None:
    """Index these pages of one kind again, dropping those no longer public; safe to repeat."""
    pks = set(pks)
    with transaction.atomic():
        rows = SearchDocument.objects.bulk_create(
            documents(kind, list(pks)),
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=[*FIELDS, "indexed_at"],
        )
        if rows:
            write_words(rows)
        if gone := pks - {row.object_id for row in rows}:
            SearchDocument.objects.filter(kind=kind, object_id__in=gone).delete()


def rebuild_index(batch_size: int = 1000) -> dict[str, int]:
    """Drop every row and index all public content again; returns counts per kind."""
    counts = dict.fromkeys(SearchDocument.Kind.values, 0)
    with transaction.atomic():
        backend().clear()
        SearchDocument.objects.all().delete()
        for kind in counts:
            stream = documents(kind)
            while batch := list(islice(stream, batch_size)):
                write_words(SearchDocument.objects.bulk_create(batch))
                counts[kind] += len(batch)
    return counts
