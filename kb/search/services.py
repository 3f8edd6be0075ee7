"""Keeping the index in step with the content: upsert, remove, rebuild."""

from collections.abc import Iterable
from itertools import islice

from django.db import transaction

from kb.search import documents
from kb.search.backends import backend
from kb.search.models import SearchDocument

FIELDS = ("title", "url", "category", "label", "body", "published_at")


def upsert(data: documents.DocumentData) -> None:
    """Write one page's row and its words; safe to repeat."""
    values = {name: getattr(data, name) for name in FIELDS}
    with transaction.atomic():
        doc, _ = SearchDocument.objects.update_or_create(
            kind=data.kind, object_id=data.object_id, defaults=values
        )
        backend().write([doc])


def remove(kind: str, object_ids: Iterable[int]) -> None:
    SearchDocument.objects.filter(kind=kind, object_id__in=list(object_ids)).delete()


def index_article(article) -> None:
    found = documents.article_queryset().filter(pk=article.pk).first()
    if found is None:
        remove(documents.ARTICLE, [article.pk])
    else:
        upsert(documents.article_document(found))


def index_provision(provision) -> None:
    found = documents.provision_queryset().filter(pk=provision.pk).first()
    if found is None:
        remove(documents.PROVISION, [provision.pk])
    else:
        upsert(documents.provision_document(found))


def index_tree(tree) -> None:
    found = documents.tree_queryset().filter(pk=tree.pk).first()
    if found is None:
        remove(documents.GUIDE, [tree.pk])
    else:
        upsert(documents.tree_document(found))


def rebuild_index(batch_size: int = 1000) -> dict[str, int]:
    """Drop every row and index all public content again; returns counts per type."""
    counts = {documents.ARTICLE: 0, documents.PROVISION: 0, documents.GUIDE: 0}
    engine = backend()
    with transaction.atomic():
        engine.clear()
        SearchDocument.objects.all().delete()
        stream = documents.all_documents()
        while batch := list(islice(stream, batch_size)):
            rows = SearchDocument.objects.bulk_create(
                SearchDocument(
                    kind=d.kind, object_id=d.object_id, **{n: getattr(d, n) for n in FIELDS}
                )
                for d in batch
            )
            engine.write(rows, fresh=True)
            for d in batch:
                counts[d.kind] += 1
    return counts
