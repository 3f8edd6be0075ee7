"""Judging search against readers' questions: top-3 accuracy and mean reciprocal rank.

The judged set is data (tests/search/judged_queries.json): each question with the pages that
answer it, written as an article slug, `guide/<tree slug>` or `<law slug>/<provision>`. The
test suite and bench/search.py both score it with `evaluate`.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

JUDGED = Path(__file__).resolve().parent / "judged_queries.json"
TOP = 3


@dataclass(frozen=True)
class Judged:
    q: str
    answers: tuple[str, ...]


@dataclass
class Score:
    queries: int = 0
    top3: float = 0.0  # share of questions with an answer among the first three results
    mrr: float = 0.0  # mean of 1 / rank of the first answer (0 when not in the first ten)
    misses: list[tuple[str, list[str]]] = field(default_factory=list)


def load_judged(path: Path = JUDGED) -> list[Judged]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Judged(q=item["q"], answers=tuple(item["answers"])) for item in data["queries"]]


def answer_urls() -> dict[str, str]:
    """Every judged answer key → the page's path, for the content in the database."""
    from kb.articles.models import Article
    from kb.guide.models import Tree
    from kb.laws.models import Provision

    urls = {a.slug: a.get_absolute_url() for a in Article.objects.select_related("category")}
    urls.update({f"guide/{t.slug}": t.get_absolute_url() for t in Tree.objects.all()})
    for p in Provision.objects.select_related("law"):
        urls[f"{p.law.slug}/{p.slug}"] = p.get_absolute_url()
    return urls


def evaluate(judged: list[Judged], search: Callable, urls: dict[str, str]) -> Score:
    """`search(q)` returns result URLs, best first. Unknown answer keys are an error."""
    unknown = sorted({a for j in judged for a in j.answers} - set(urls))
    if unknown:
        raise ValueError(f"judged answers not in the database: {unknown}")
    score = Score(queries=len(judged))
    found = reciprocal = 0.0
    for item in judged:
        wanted = {urls[a] for a in item.answers}
        got = list(search(item.q))[:10]
        rank = next((i for i, url in enumerate(got, 1) if url in wanted), None)
        if rank is not None and rank <= TOP:
            found += 1
        else:
            score.misses.append((item.q, got[:TOP]))
        reciprocal += 1 / rank if rank else 0.0
    score.top3 = found / len(judged) if judged else 0.0
    score.mrr = reciprocal / len(judged) if judged else 0.0
    return score
