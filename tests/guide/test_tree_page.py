"""/guide/<slug>/: one question per page, answers in the URL, change links, tampering, query counts."""

import pytest

from kb.guide.models import Node, Tree
from kb.laws.models import Law, Provision

URL = "/guide/test-tree/"


def test_it_shows_the_intro_and_the_first_question(client, make_tree):
    make_tree()
    html = client.get(URL).content.decode()
    assert "先回答<strong>几个</strong>问题。" in html
    assert "标题 days" in html
    assert 'type="radio"' in html and 'name="days"' in html and "继续" in html
    assert "第 1 步" in html and "之后最多还有 2 个问题" in html
    assert "你的回答" not in html


def test_it_redirects_a_submitted_answer_to_its_clean_url(client, make_tree):
    make_tree()
    response = client.get(URL, {"days": "short", "_step": "days"})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?days=short"


def test_step_two_lists_earlier_answers_with_change_links(client, make_tree):
    make_tree()
    html = client.get(f"{URL}?days=short").content.decode()
    assert "标题 harass" in html and "第 2 步" in html
    assert "你的回答" in html and "不到 30 天" in html
    assert f'href="{URL}?days=short&amp;_change=days"' in html
    assert f'href="{URL}">重新开始' in html
    assert '<input type="hidden" name="days" value="short">' in html


def test_it_shows_the_outcome_with_answers_and_steps(client, make_tree, make_article):
    tree = make_tree()
    node = Node.objects.get(tree=tree, slug="out-short")
    node.articles.add(make_article(title="借呗逾期会有哪些后果？"))
    html = client.get(f"{URL}?days=short&harass=no").content.decode()
    assert 'data-outcome="out-short"' in html
    assert "<strong>回答</strong> out-short" in html
    assert "先保留证据。" in html
    assert "借呗逾期会有哪些后果？" in html
    assert f"{URL}?days=short&amp;harass=no&amp;_change=harass" in html


def test_the_outcome_lists_only_published_articles(client, make_tree, make_article):
    tree = make_tree()
    node = Node.objects.get(tree=tree, slug="out-short")
    node.articles.add(make_article(title="草稿文章", status="draft"))
    assert "草稿文章" not in client.get(f"{URL}?days=short&harass=no").content.decode()


def test_the_outcome_links_its_provisions(client, make_tree):
    tree = make_tree()
    law = Law.objects.create(
        slug="xingfa", title="中华人民共和国刑法", short_title="刑法", kind="law", source="测试"
    )
    provision = Provision.objects.create(
        law=law, number=293, sub_number=1, label="第二百九十三条之一", text="有下列情形之一……"
    )
    Node.objects.get(tree=tree, slug="out-harass").provisions.add(provision)
    html = client.get(f"{URL}?days=short&harass=yes").content.decode()
    assert 'href="/laws/xingfa/293-1/"' in html and "《刑法》第二百九十三条之一" in html


def test_a_change_link_shows_the_question_with_the_old_answer_chosen(client, make_tree):
    make_tree()
    response = client.get(URL, {"days": "long", "sued": "no", "harass": "yes", "_change": "days"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="long" checked' in html
    assert '<input type="hidden" name="sued" value="no">' in html
    assert '<input type="hidden" name="harass" value="yes">' in html


def test_changing_an_earlier_answer_drops_answers_off_the_new_path(client, make_tree):
    make_tree()
    response = client.get(URL, {"sued": "no", "harass": "yes", "_step": "days", "days": "short"})
    assert response["Location"] == f"{URL}?days=short&harass=yes"
    assert 'data-outcome="out-harass"' in client.get(response["Location"]).content.decode()


def test_continuing_without_a_choice_asks_again(client, make_tree):
    make_tree()
    response = client.get(URL, {"days": "short", "_step": "harass"})
    assert response.status_code == 400
    assert "请先选择一项" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "days=maybe",
        "days=short&harass=%00%ff",
        "days=" + "x" * 10_000,
        "days=short&harass=" + "long" * 30,
    ],
)
def test_a_tampered_answer_gets_a_clear_400(client, make_tree, query):
    make_tree()
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "这个链接无法继续" in html
    assert "从头开始" in html


def test_a_tampered_answer_links_back_to_the_last_valid_step(client, make_tree):
    make_tree()
    html = client.get(f"{URL}?days=long&sued=perhaps").content.decode()
    assert "不是它的选项之一" in html
    assert f'href="{URL}?days=long">回到最后一个有效的步骤' in html


@pytest.mark.parametrize(
    ("query", "clean"),
    [
        ("days=short&zhenshi=shi", "days=short"),  # another tree's key
        ("garbage=%FF%FE&days=long", "days=long"),
        ("days=short&sued=yes", "days=short"),  # stale answer off the path
        ("harass=no&days=short", "days=short&harass=no"),  # order
    ],
)
def test_unknown_or_stale_keys_redirect_to_the_clean_step(client, make_tree, query, clean):
    make_tree()
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?{clean}"


def test_it_404s_on_an_unknown_or_draft_tree(client, make_tree):
    make_tree(slug="draft-tree", status=Tree.Status.DRAFT)
    assert client.get("/guide/no-such-tree/").status_code == 404
    assert client.get("/guide/draft-tree/").status_code == 404


def test_staff_can_preview_a_draft_tree(staff_client, make_tree):
    make_tree(slug="draft-tree", status=Tree.Status.DRAFT)
    response = staff_client.get("/guide/draft-tree/")
    assert response.status_code == 200
    assert "预览" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_it_refuses_post(client, make_tree):
    make_tree()
    assert client.post(URL, {"days": "short"}).status_code == 405


@pytest.mark.parametrize(
    "query", ["", "?days=short", "?days=long&sued=no", "?days=short&_step=harass"]
)
def test_a_question_step_costs_four_queries(client, make_tree, django_assert_num_queries, query):
    make_tree()
    with django_assert_num_queries(4):  # +1: the page cache's content version
        client.get(URL + query)


@pytest.mark.parametrize("extra", [0, 4])
def test_an_outcome_costs_six_queries_whatever_it_cites(
    client, make_tree, make_article, django_assert_num_queries, extra
):
    tree = make_tree()
    node = Node.objects.get(tree=tree, slug="out-sued")
    law = Law.objects.create(
        slug="minfadian",
        title="中华人民共和国民法典",
        short_title="民法典",
        kind="law",
        source="测试",
    )
    for n in range(extra):
        node.provisions.add(
            Provision.objects.create(law=law, number=670 + n, label=f"第{n}条", text="条文")
        )
        node.articles.add(make_article())
    with django_assert_num_queries(6):  # +1: the page cache's content version
        response = client.get(f"{URL}?days=long&sued=yes")
    assert response.status_code == 200


def test_a_tampered_step_costs_four_queries(client, make_tree, django_assert_num_queries):
    make_tree()
    with django_assert_num_queries(4):  # +1: the page cache's content version
        assert client.get(f"{URL}?days=nope").status_code == 400


def test_it_works_under_the_traditional_chinese_mirror(client, make_tree):
    make_tree()
    response = client.get("/zh-hant/guide/test-tree/", {"days": "short", "_step": "days"})
    assert (
        response.status_code == 302
        and response["Location"] == "/zh-hant/guide/test-tree/?days=short"
    )
    html = client.get(response["Location"]).content.decode()
    assert 'action="/zh-hant/guide/test-tree/"' in html
    assert "重新開始" in html and "重新开始" not in html
    assert 'href="/zh-hant/guide/test-tree/?days=short&amp;_change=days"' in html


def test_previewing_an_unfinished_draft_is_a_clear_400(staff_client):
    Tree.objects.create(slug="empty", title="空向导", status=Tree.Status.DRAFT)
    response = staff_client.get("/guide/empty/", {"_step": "x"})
    assert response.status_code == 400
    assert "还没有唯一的起始问题" in response.content.decode()
