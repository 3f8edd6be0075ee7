"""The texts' small Markdown, their placeholders, and the shipped fixture."""

import datetime
from decimal import Decimal

import pytest

from kb.letters.compose import BLANK, VALUE, Block, Run, build, repayment_plan
from kb.letters.kinds import KINDS
from kb.rates.calc import NoSolution
from tests.letters.conftest import shipped_rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("致：{收件机构}", []),
        ("{ 姓名 }", []),
        ("{姓明}", ["未知的占位符 {姓明}"]),
        ("{name}", ["未知的占位符 {name}"]),
        ("申请人：{姓名", ["不成对的花括号"]),
        ("}", ["不成对的花括号"]),
    ],
)
def test_it_checks_placeholders(text, expected):
    found = KINDS["credit-objection"].problems(text)
    assert len(found) == len(expected)
    for message, part in zip(found, expected, strict=True):
        assert part in message


def test_it_reads_lines_headings_lists_and_blocks():
    text = "## 标题\n\n第一段\n第二段\n- 一项\n* 二项\n{所引条文}\n"
    cite = Block("cite", (Run("《某法》第一条"),))
    built = build(text, {}, blocks={"所引条文": [cite]})
    assert [(b.kind, "".join(r.text for r in b.runs)) for b in built] == [
        ("h2", "标题"),
        ("p", "第一段"),
        ("p", "第二段"),
        ("ul", ""),
        ("cite", "《某法》第一条"),
    ]
    assert [item.runs for item in built[3].items] == [(Run("一项"),), (Run("二项"),)]


def test_a_missing_value_becomes_a_visible_blank():
    (block,) = build("申请人：{姓名}，电话：{联系电话}", {"姓名": "甲", "联系电话": ""})
    kinds = [(r.kind, r.text) for r in block.runs]
    assert kinds == [
        ("text", "申请人："),
        (VALUE, "甲"),
        ("text", "，电话："),
        (BLANK, "【待填：联系电话】"),
    ]


def test_a_plan_that_the_calculator_cannot_cost_is_refused():
    with pytest.raises(NoSolution):
        data = {"balance": Decimal("0.01"), "months": 600, "first_due": datetime.date(2025, 1, 1)}
        repayment_plan(data, {})


def test_every_shipped_text_uses_only_known_placeholders():
    for row in shipped_rows("letters.letter"):
        assert KINDS[row["kind"]].problems(row["body"]) == [], row["kind"]
    for row in shipped_rows("letters.clause"):
        kind = KINDS[row["letter"][0]]
        assert row["key"] in kind.clauses
        assert kind.problems(row["text"]) == [], row["key"]


def test_the_content_loader_loads_the_letters_and_their_offers(db):
    from kb.letters.models import Letter, LetterOffer
    from kb.site.content import load_content

    out = load_content()
    assert "loaded letters.json" in out
    assert Letter.objects.published().count() == 4
    for offer in LetterOffer.objects.select_related("node", "letter"):
        offer.full_clean()  # the prefill names real fields; the node is an outcome
        assert offer.node.kind == "outcome"
    assert load_content()  # a second load changes nothing and does not fail
    assert LetterOffer.objects.count() == len(shipped_rows("letters.letteroffer"))
