"""Prepared data for /search/ and /api/search/: a fixed number of SQL queries per page."""

from dataclasses import asdict
from math import ceil
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.http import Http404

from kb.articles.models import Article
from kb.guide.models import Tree
from kb.search.backends import SearchResult, search
from kb.search.forms import MAX_PAGE
from kb.search.tokens import normalise

PER_PAGE = 10
SUGGESTIONS = 5
SUGGESTED_TREES = 3
# Characters of a question that say nothing about its subject (怎么办, 会不会, 吗…).
_FILLER = frozenset(
    "的了吗呢啊吧呀哦么会是我你他她它在和与及或被把也都就要能可怎样如何什为哪些一个这那有没请问该对从给让得着过又而但办"
)
TYPE_LABELS = {"article": "文章", "provision": "法条", "guide": "问答向导"}


def results_page(q: str, page: int) -> SearchResult:
    """One page of results; a page past the last (or past MAX_PAGE) is a 404."""
    if page > MAX_PAGE:
        raise Http404("没有这一页搜索结果")
    result = search(q, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    if page > 1 and not result.hits:
        raise Http404("没有这一页搜索结果")
    return result


def page_links(q: str, page: int, total: int) -> dict:
    pages = max(1, ceil(total / PER_PAGE))

    def url(n: int) -> str:
        return "?" + urlencode({"q": q, "page": n})

    numbers = range(max(1, page - 3), min(pages, page + 3) + 1)
    return {
        "page": page,
        "pages": pages,
        "previous_url": url(page - 1) if page > 1 else None,
        "next_url": url(page + 1) if page < pages else None,
        "numbers": [(n, url(n), n == page) for n in numbers] if pages > 1 else [],
    }


def related_trees(q: str, trees: list) -> list:
    """Question trees sharing the most subject characters with the query (繁體 folded to 简体),
    in their usual order otherwise. Used when no page matched a whole word of the query, so
    single characters (借/贷/催/诉…) are the closest relation left."""
    wanted = {c for c in normalise(q) if "\u4e00" <= c <= "\u9fff" and c not in _FILLER}
    ranked = sorted(
        enumerate(trees), key=lambda it: (-len(wanted & set(normalise(it[1].title))), it[0])
    )
    return [tree for _, tree in ranked[:SUGGESTED_TREES]]


def suggestions(q: str = "") -> dict:
    """For an empty or fruitless search: the most helpful articles and the question trees
    closest to the query."""
    popular = list(
        Article.objects.published()
        .for_list()
        .annotate(helpful=Count("feedback", filter=Q(feedback__helpful=True)))
        .order_by("-helpful", "-published_at")[:SUGGESTIONS]
    )
    trees = related_trees(q, list(Tree.objects.published().only("slug", "title")))
    return {"popular": popular, "trees": trees}


def search_context(q: str, page: int) -> dict:
    result = results_page(q, page) if q else SearchResult()
    hits = [
        {**asdict(hit), "type_label": TYPE_LABELS.get(hit.type, hit.type)} for hit in result.hits
    ]
    context = {"query": q, "total": result.total, "hits": hits, **page_links(q, page, result.total)}
    if not hits:
        context.update(suggestions(q))
    return context


def search_json(q: str, page: int) -> dict:
    result = results_page(q, page) if q else SearchResult()
    return {
        "query": q,
        "total": result.total,
        "page": page,
        "results": [
            {
                "title": h.title,
                "url": h.url,
                "type": h.type,
                "snippet": h.snippet,
                "category": h.category,
            }
            for h in result.hits
        ],
    }
