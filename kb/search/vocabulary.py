"""What a query is read with: the editors' synonyms and the names of the laws, kept in the
cache (Redis in production, shared by every worker) so a search costs no query for them.

Saving or deleting a synonym or a law drops the cached copy (kb/search/signals.py); a worker
with a process-local cache sees an edit made through another worker within TIMEOUT seconds.
"""

from dataclasses import dataclass

from django.core.cache import cache

from kb.core.urlcache import cached_reverse

KEY = "search:vocabulary:v1"
TIMEOUT = 300


@dataclass(frozen=True)
class Vocabulary:
    synonyms: dict[str, list[str]]
    laws: dict[str, str]  # every name of a law → its slug


def vocabulary() -> Vocabulary:
    found = cache.get(KEY)
    if found is None:
        found = _load()
        cache.set(KEY, found, TIMEOUT)
    return found


def forget(**kwargs) -> None:
    cache.delete(KEY)


def _load() -> Vocabulary:
    from kb.laws.models import Law
    from kb.search.models import Synonym

    laws = {}
    for law in Law.objects.only("slug", "title", "short_title", "aliases"):
        for name in law.names():
            laws.setdefault(name, law.slug)
    return Vocabulary(synonyms=Synonym.objects.as_map(), laws=laws)


def provision_url(law_slug: str, number: int, sub: int = 0) -> str:
    return cached_reverse("laws:provision", law_slug, f"{number}-{sub}" if sub else str(number))
