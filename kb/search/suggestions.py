"""What the search page offers when a query found nothing: did-you-mean phrases, the closest
question trees, the articles readers found most helpful and the categories they answered most."""

from django.db.models import Count, Q
from django.utils import timezone

from kb.articles.models import Article, Category
from kb.guide.models import Tree
from kb.search.tokens import normalise
from kb.search.vocabulary import vocabulary

# Characters of a question that say nothing about its subject (怎么办, 会不会, 吗…).
FILLER = frozenset(
    "的了吗呢啊吧呀哦么会是我你他她它在和与及或被把也都就要能可怎样如何什为哪些一个这那有没请问该对从给让得着过又而但办"
)


def subject_characters(text: str) -> set[str]:
    return {c for c in normalise(text) if "\u4e00" <= c <= "\u9fff" and c not in FILLER}


def did_you_mean(q: str, synonyms: dict[str, list[str]]) -> list[str]:
    """Phrases of the synonym table (terms and their synonyms) sharing at least half their
    characters with the query, most shared first; none already in the query."""
    wanted = subject_characters(q)
    folded = normalise(q)
    scored = {}
    for term, alternatives in synonyms.items():
        for phrase in (term, *alternatives):
            own = subject_characters(phrase)
            shared = len(own & wanted)
            if own and shared * 2 >= len(own) and normalise(phrase) not in folded:
                scored[phrase] = max(scored.get(phrase, 0), shared)
    return sorted(scored, key=lambda p: (-scored[p], len(p), p))[:3]


def suggestions(q: str = "") -> dict:
    """Four SQL queries at most: articles, trees, categories (and the vocabulary if not cached)."""
    wanted = subject_characters(q)
    public = Q(
        articles__status=Article.Status.PUBLISHED, articles__published_at__lte=timezone.now()
    )
    return {
        "did_you_mean": did_you_mean(q, vocabulary().synonyms) if wanted else [],
        "popular": Article.objects.published()
        .for_list()
        .annotate(helpful=Count("feedback", filter=Q(feedback__helpful=True)))
        .order_by("-helpful", "-published_at")[:5],
        # The trees sharing most subject characters (借/贷/催…) with the query, in their usual
        # order when none does: the closest relation left when no page matched a whole word.
        "trees": sorted(
            Tree.objects.published().only("slug", "title"),
            key=lambda tree: -len(wanted & set(normalise(tree.title))),
        )[:3],
        # Categories with public articles, those whose articles readers answered most first.
        "categories": Category.objects.annotate(
            readers=Count("articles__feedback", filter=public),
            public=Count("articles", filter=public, distinct=True),
        )
        .filter(public__gt=0)
        .order_by("-readers", "-public", "order", "name")
        .only("name", "slug")[:5],
    }
