"""What a query is read with: the editors' synonyms and the laws' names, in the shared cache so
a search costs no query for them; saving or deleting a synonym or a law drops it (signals.py)."""

from dataclasses import dataclass

from django.core.cache import cache

from kb.laws.resolve import current_registry
from kb.search.models import Synonym

KEY = "search:vocabulary:v1"
TIMEOUT = 300


@dataclass(frozen=True)
class Vocabulary:
    synonyms: dict[str, list[str]]
    laws: dict[str, str]  # every name of a law → its slug (as the citation parser reads them)


def _load() -> Vocabulary:
    synonyms = {row.term: row.synonym_list() for row in Synonym.objects.all()}
    return Vocabulary(synonyms=synonyms, laws=dict(current_registry().names))


def vocabulary() -> Vocabulary:
    return cache.get_or_set(KEY, _load, TIMEOUT)


def forget(**kwargs) -> None:
    cache.delete(KEY)
