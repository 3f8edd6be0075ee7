"""Tampered guide links: repeated, unknown or foreign parameters never reach a 500."""

import pytest

URL = "/guide/test-tree/"


@pytest.mark.parametrize(
    ("query", "clean"),
    [
        ("days=short&days=long", "days=long"),  # a repeated answer: the last one counts
        ("days=short&harass=yes&harass=no", "days=short&harass=no"),
        ("days=short&_change=no-such-node", "days=short"),  # a change link to nowhere
        ("x" * 1900 + "=1&days=short", "days=short"),  # a long unknown key
    ],
)
def test_repeated_or_unknown_parameters_redirect_to_one_clean_step(client, make_tree, query, clean):
    make_tree()
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?{clean}"


def test_an_answer_from_another_tree_with_the_same_question_is_refused(client, make_tree):
    make_tree()
    other = {"days": [("soon", "很快", "done"), ("later", "以后", "done")], "done": None}
    make_tree(slug="other-tree", table=other)
    response = client.get(f"{URL}?days=soon")
    assert response.status_code == 400
    assert "不是它的选项之一" in response.content.decode()
