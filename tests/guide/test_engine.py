"""The pure engine, node by node, without HTTP or a database."""

from kb.guide.engine import all_paths, max_remaining, walk

from .conftest import make_spec


def test_it_starts_at_the_start_node_with_no_answers(small_spec):
    result = walk(small_spec, {})
    assert result.current.slug == "days"
    assert result.path == ()
    assert not result.current.is_outcome


def test_short_overdue_leads_to_the_harassment_question(small_spec):
    result = walk(small_spec, {"days": "short"})
    assert result.current.slug == "harass"
    assert result.answers == {"days": "short"}


def test_long_overdue_leads_to_the_lawsuit_question(small_spec):
    assert walk(small_spec, {"days": "long"}).current.slug == "sued"


def test_it_detects_an_outcome(small_spec):
    result = walk(small_spec, {"days": "long", "sued": "yes"})
    assert result.current.is_outcome
    assert result.current.slug == "out-sued"
    assert [s.choice.label for s in result.path] == ["超过 30 天", "被起诉了"]


def test_it_ignores_unknown_keys(small_spec):
    result = walk(small_spec, {"days": "short", "other-tree-key": "x", "harass": "no"})
    assert result.current.slug == "out-short"
    assert not result.error
    assert result.answers == {"days": "short", "harass": "no"}


def test_it_drops_answers_that_left_the_path_when_an_earlier_one_changes(small_spec):
    before = walk(small_spec, {"days": "long", "sued": "no", "harass": "yes"})
    assert before.answers == {"days": "long", "sued": "no", "harass": "yes"}
    after = walk(small_spec, {**before.answers, "days": "short"})
    assert after.answers == {"days": "short", "harass": "yes"}
    assert after.current.slug == "out-harass"


def test_it_keeps_later_answers_that_are_still_on_the_path(small_spec):
    result = walk(small_spec, {"harass": "no", "days": "short"})
    assert result.current.slug == "out-short"


def test_it_stops_at_the_first_tampered_answer(small_spec):
    result = walk(small_spec, {"days": "long", "sued": "maybe"})
    assert result.error == "unknown-choice"
    assert result.current.slug == "sued"
    assert result.answers == {"days": "long"}
    assert not result.current.is_outcome


def test_it_rejects_a_very_long_value_without_matching(small_spec):
    assert walk(small_spec, {"days": "short" * 2000}).error == "unknown-choice"


def test_it_survives_a_cycle_in_a_broken_tree():
    spec = make_spec(
        {"a": [("x", "x", "b"), ("y", "y", "b")], "b": [("x", "x", "a"), ("y", "y", "a")]},
        start="a",
    )
    result = walk(spec, {"a": "x", "b": "x"})
    assert result.error == "cycle"


def test_it_has_no_current_node_without_a_single_start():
    spec = make_spec({"a": [("x", "x", "o"), ("y", "y", "o")], "o": None}, start=("a", "o"))
    assert walk(spec, {}).current is None


def test_it_counts_the_most_questions_left(small_spec):
    assert max_remaining(small_spec, "days") == 3
    assert max_remaining(small_spec, "harass") == 1
    assert max_remaining(small_spec, "out-sued") == 0


def test_it_lists_every_path_to_an_end(small_spec):
    paths = {tuple(p.answers.items()): p.current.slug for p in all_paths(small_spec)}
    assert paths == {
        (("days", "short"), ("harass", "yes")): "out-harass",
        (("days", "short"), ("harass", "no")): "out-short",
        (("days", "long"), ("sued", "yes")): "out-sued",
        (("days", "long"), ("sued", "no"), ("harass", "yes")): "out-harass",
        (("days", "long"), ("sued", "no"), ("harass", "no")): "out-short",
    }
