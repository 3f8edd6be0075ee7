"""The pure validator: one test per rule."""

import pytest

from kb.guide.validate import validate

from .conftest import SMALL, make_spec


def codes(table, start="days"):
    return sorted(p.code for p in validate(make_spec(table, start=start)))


def test_it_accepts_a_valid_tree(small_spec):
    assert validate(small_spec) == []


def test_it_requires_two_choices_per_question():
    table = {**SMALL, "harass": [("yes", "有", "out-harass")]}
    assert "too-few-choices" in codes(table)


def test_it_reports_a_dead_end_question():
    table = {**SMALL, "harass": []}
    problems = validate(make_spec(table))
    assert any(p.code == "too-few-choices" and p.node == "harass" for p in problems)


def test_it_requires_targets_in_the_same_tree():
    table = {**SMALL, "sued": [("yes", "是", "out-sued"), ("no", "否", "#999")]}
    assert codes(table) == ["foreign-target"]


def test_it_reports_unreachable_nodes():
    table = {**SMALL, "orphan": None}
    problems = validate(make_spec(table))
    assert [(p.code, p.node) for p in problems] == [("unreachable", "orphan")]


@pytest.mark.parametrize(
    ("start", "code"),
    [((), "no-start"), (("days", "sued"), "many-starts"), ("out-sued", "start-is-outcome")],
)
def test_it_requires_exactly_one_start_question(start, code):
    assert code in codes(SMALL, start=start)


def test_it_reports_cycles():
    table = {**SMALL, "harass": [("yes", "有", "out-harass"), ("no", "没有", "days")]}
    assert "cycle" in codes(table)


def test_it_requires_outcomes_to_be_leaves():
    spec = make_spec(SMALL)
    nodes = tuple(
        n
        if n.slug != "out-sued"
        else type(n)(n.slug, "outcome", n.title, spec.by_slug["harass"].choices)
        for n in spec.nodes
    )
    problems = validate(type(spec)(spec.slug, nodes, spec.starts))
    assert "outcome-has-choices" in [p.code for p in problems]


def test_it_requires_every_outcome_to_have_an_answer():
    spec = make_spec(SMALL)
    nodes = tuple(
        n if n.slug != "out-short" else type(n)(n.slug, "outcome", n.title, (), False)
        for n in spec.nodes
    )
    problems = validate(type(spec)(spec.slug, nodes, spec.starts))
    assert [(p.code, p.node) for p in problems] == [("outcome-without-answer", "out-short")]


def test_it_reports_duplicate_choice_values():
    table = {**SMALL, "harass": [("yes", "有", "out-harass"), ("yes", "也有", "out-short")]}
    assert "duplicate-value" in codes(table)


def test_it_explains_problems_in_chinese():
    table = {**SMALL, "harass": [("yes", "有", "out-harass")]}
    problem = validate(make_spec(table))[0]
    assert "至少要有两个选项" in problem.message
