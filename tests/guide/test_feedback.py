"""“这个回答有帮助吗” on guide outcomes."""

import pytest

from kb.guide.models import OutcomeFeedback, Tree

URL = "/guide/test-tree/feedback/"


def test_the_outcome_page_asks_whether_the_answer_helped(client, make_tree):
    make_tree()
    html = client.get("/guide/test-tree/?days=short&harass=no").content.decode()
    assert "这个回答有帮助吗？" in html
    assert f'action="{URL}"' in html and 'name="node" value="out-short"' in html


def test_it_records_an_answer_and_thanks_the_reader(client, make_tree):
    make_tree()
    response = client.post(URL, {"node": "out-short", "helpful": "no", "reason": "<b>没说</b>清楚"})
    assert response.status_code == 302 and response["Location"] == f"{URL}thanks/"
    row = OutcomeFeedback.objects.get()
    assert (row.node.slug, row.helpful, row.reason) == ("out-short", False, "没说清楚")
    assert "谢谢你的反馈" in client.get(response["Location"]).content.decode()


def test_it_asks_again_without_a_choice(client, make_tree):
    make_tree()
    response = client.post(URL, {"node": "out-short"})
    assert response.status_code == 400
    assert "请选择“有帮助”或“没帮助”" in response.content.decode()
    assert not OutcomeFeedback.objects.exists()


@pytest.mark.parametrize("node", ["days", "no-such-node", "x" * 5000])
def test_it_404s_for_anything_but_an_outcome_of_the_tree(client, make_tree, node):
    make_tree()
    assert client.post(URL, {"node": node, "helpful": "yes"}).status_code == 404


def test_it_404s_for_a_draft_tree(client, make_tree):
    make_tree(slug="draft-tree", status=Tree.Status.DRAFT)
    assert (
        client.post(
            "/guide/draft-tree/feedback/", {"node": "out-short", "helpful": "yes"}
        ).status_code
        == 404
    )


def test_it_refuses_cross_site_posts(client, make_tree):
    make_tree()
    response = client.post(
        URL, {"node": "out-short", "helpful": "yes"}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert not OutcomeFeedback.objects.exists()


def test_it_limits_a_client_hammering_one_outcome(client, make_tree):
    make_tree()
    codes = [
        client.post(URL, {"node": "out-short", "helpful": "yes"}).status_code for _ in range(11)
    ]
    assert codes[:10] == [302] * 10 and codes[10] == 429
    assert OutcomeFeedback.objects.count() == 10
