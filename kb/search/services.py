"""Keeping the index in step with the content: reindex some pages, rebuild it all."""

from collections.abc import Iterable
from itertools import islice

from django.db import transaction

from kb.search.backends import backend
from kb.search.documents import documents
from kb.search.models import SearchDocument
from kb.search.ranking import indexed_fields

FIELDS = ("title", "url", "category", "label", "body", "published_at")


def write_words(rows: list[SearchDocument]) -> None:
    """Give saved index rows their words in the backend's word index."""
    backend().write([(d.pk, *indexed_fields(d.kind, d.title, d.label, d.body)) for d in rows])


def reindex(kind: str, pks: Iterable[int]) -> None:
    """Index these pages of one kind again, dropping those no longer public; safe to repeat."""
    missing = set(pks)
    with transaction.atomic():
        for doc in documents(kind, list(missing)):
            values = {name: getattr(doc, name) for name in FIELDS}
            row, _ = SearchDocument.objects.update_or_create(
                kind=kind, object_id=doc.object_id, defaults=values
            )
            write_words([row])
            missing.discard(doc.object_id)
        if missing:
            SearchDocument.objects.filter(kind=kind, object_id__in=missing).delete()


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
