"""What the browser tests share: the page types, a question-tree walker, axe and layout checks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

GUIDE = "/guide/yuqi-hou-hui-zenyang/"
ARTICLE = "/articles/jiebei-yuqi-houguo/"
PROVISION = "/laws/minfadian/675/"

# One URL per page type (the guide outcome is reached by walking, see `walk_to_outcome`).
PAGE_TYPES = {
    "home": "/",
    "category": "/category/zhengxin/",
    "article": ARTICLE,
    "laws": "/laws/",
    "law": "/laws/zhengxin-tiaoli/",  # a short law: axe on all of 民法典 takes a minute
    "provision": PROVISION,
    "guide-index": "/guide/",
    "guide-step": GUIDE,
    "tag": "/tag/jiebei/",
    "archive": "/archive/2026/03/",
    "search": "/search/?q=征信",
    "search-no-results": "/search/?q=xyzzyq",
    "search-empty": "/search/",
    "rate": "/tools/rate/",
    "rate-result": "/tools/rate/?amount=10000&received=9000&date=2024-03-01&plan=equal&n=12&payment=950",
    "hant-article": "/zh-hant" + ARTICLE,
    "hant-provision": "/zh-hant" + PROVISION,
    "hant-search": "/zh-hant/search/?q=借唄逾期",
    "404": "/no-such-page/",
}
ADMIN_ADD = f"/{settings.ADMIN_PATH}/articles/article/add/"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
CONTINUE = re.compile(r"^(继续|繼續)$")  # the guide's submit button in either script
_axe = Axe()


@dataclass(frozen=True)
class Answer:
    question: str
    label: str


def answer_question(page, pick: int = 0) -> Answer:
    """Choose the `pick`-th option of the current question (by its label) and submit."""
    question = page.locator("legend").first.inner_text().strip()
    choices = page.locator(".guide-choice")
    choice = choices.nth(min(pick, choices.count() - 1))
    label = choice.locator("label").inner_text().strip()
    choice.locator("label").click()
    with page.expect_navigation():
        page.get_by_role("button", name=CONTINUE).click()
    return Answer(question, label)


def walk_to_outcome(page, picks: dict[int, int] | None = None, limit: int = 12) -> list[Answer]:
    """Answer questions until an outcome page shows; `picks` maps step index → option index."""
    answers = []
    for step in range(limit):
        if page.locator(".guide-choice").count() == 0:
            assert page.locator("[data-outcome]").count() == 1, f"not an outcome: {page.url}"
            return answers
        answers.append(answer_question(page, (picks or {}).get(step, 0)))
    raise AssertionError(f"no outcome after {limit} questions: {page.url}")


def axe_violations(page) -> list[dict]:
    """axe-core (bundled with axe-playwright-python, injected locally) on WCAG 2.2 A/AA rules."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = _axe.run(page, options=options)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results.response["violations"]
    ]


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 = no sideways scrolling)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
