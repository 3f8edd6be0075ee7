"""The pure tokenising module: no database, no Django."""

import subprocess
import sys

from kb.search.tokens import highlight_terms, normalise, query_plan, tokenize


def test_it_normalises_traditional_full_width_and_nul():
    assert normalise("借唄逾期會怎樣\x00ＡＢＣ１２３") == "借呗逾期会怎样 abc123"


def test_it_drops_punctuation_and_question_words():
    assert tokenize("借呗逾期了会怎样？！", query=True) == ["借呗", "逾期"]
    assert tokenize("？？？……!!!", query=True) == []


def test_it_cuts_documents_finer_than_queries():
    assert tokenize("信用卡逾期", query=True) == ["信用卡", "逾期"]
    assert {"信用", "信用卡", "逾期"} <= set(tokenize("信用卡逾期"))


def test_it_keeps_domain_words_whole():
    for word in ("借呗", "花呗", "砍头息", "网贷", "征信"):
        assert tokenize(word, query=True) == [word]


def test_it_adds_synonyms_when_the_term_occurs_in_the_query():
    plan = query_plan(
        "借唄逾期會怎樣", {"逾期": ["拖欠", "欠款"], "信用卡": ["银行卡"], "會怎樣": ["后果"]}
    )
    assert plan.words == ("借呗", "逾期")
    assert plan.groups == (("借呗",), ("逾期",), ("拖欠",), ("欠款",), ("后果",))


def test_it_turns_a_multi_word_synonym_into_one_and_group():
    plan = query_plan("征信", {"征信": ["信用报告"]})
    assert ("信用", "报告") in plan.groups or ("信用报告",) in plan.groups


def test_it_bounds_a_huge_query():
    plan = query_plan("借呗逾期催收征信花呗网贷" * 500, {})
    assert len(plan.words) <= 24


def test_it_highlights_longest_words_first():
    plan = query_plan("信用卡逾期", {})
    assert highlight_terms(plan) == ["信用卡", "逾期"]


def test_it_imports_no_django():
    code = "import sys, kb.search.tokens, kb.search.snippets; print(any(m.startswith('django') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_it_gathers_a_term_and_its_synonyms_into_one_concept():
    from kb.search.tokens import query_plan

    plan = query_plan("欠钱不还会被拘留吗", {"拘留": ["坐牢", "刑事"]})
    assert (("拘留",), ("坐牢",), ("刑事",)) in plan.concepts
    assert len(plan.concepts) == len(plan.words)  # the other words stand alone
