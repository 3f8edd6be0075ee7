"""/search/ and /api/search/: results, pagination, suggestions, bad input, fixed query counts."""

import pytest
from django.utils import timezone

from kb.search.views import PER_PAGE


@pytest.fixture
def many(make_article):
    when = timezone.now() - timezone.timedelta(days=2)
    for i in range(25):
        make_article(
            title=f"网贷逾期问题{i}",
            short_answer="网贷逾期后会怎样。",
            published_at=when + timezone.timedelta(minutes=i),
        )


def test_it_shows_badge_title_snippet_and_category(client, make_article):
    article = make_article(title="借呗逾期会有哪些后果？", short_answer="借呗逾期会产生罚息。")
    response = client.get("/search/", {"q": "借唄逾期"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="badge badge-article">文章</span>' in html
    assert f'href="{article.get_absolute_url()}"' in html
    assert "<mark>借呗</mark><mark>逾期</mark>会产生罚息" in html
    assert "网贷逾期" in html  # the category
    assert 'name="robots" content="noindex' in html


def test_it_shows_provisions_and_guide_trees_with_their_type_and_category(client, db):
    from kb.guide.models import Tree
    from kb.laws.models import Law, Provision

    law = Law.objects.create(
        slug="zhengxin-tiaoli",
        title="征信业管理条例",
        short_title="征信业管理条例",
        kind=Law.Kind.LAW,
        source="测试",
    )
    provision = Provision.objects.create(
        law=law, number=16, label="第十六条", text="征信机构对个人不良信息的保存期限为5年。"
    )
    tree = Tree.objects.create(
        slug="buliang-xinxi",
        title="不良信息能删除吗？",
        intro="回答几个问题，看看征信上的不良信息能不能删除。",
        status=Tree.Status.PUBLISHED,
    )
    html = client.get("/search/", {"q": "不良信息"}).content.decode()
    assert '<span class="badge badge-provision">法条</span>' in html
    assert f'href="{provision.get_absolute_url()}">《征信业管理条例》第十六条</a>' in html
    assert '<p class="meta">征信业管理条例</p>' in html
    assert '<span class="badge badge-guide">问答向导</span>' in html
    assert f'href="{tree.get_absolute_url()}">不良信息能删除吗？</a>' in html
    assert '<p class="meta">问答向导</p>' in html
    assert "征信机构对个人<mark>不良信息</mark>的保存期限为5年。" in html
    assert "看看征信上的<mark>不良信息</mark>能不能删除。" in html


def test_it_falls_back_to_the_title_for_a_page_without_text(client, db):
    from kb.guide.models import Tree

    Tree.objects.create(slug="kong", title="催收骚扰怎么办？", status=Tree.Status.PUBLISHED)
    html = client.get("/search/", {"q": "催收骚扰"}).content.decode()
    assert '<p class="snippet"><mark>催收</mark><mark>骚扰</mark>怎么办？</p>' in html


def test_it_pages_through_results(client, many):
    first = client.get("/search/", {"q": "网贷逾期"}).content.decode()
    assert first.count('class="hit"') == PER_PAGE
    assert (
        "找到约 25 条" in first
        and 'rel="next" href="?q=%E7%BD%91%E8%B4%B7%E9%80%BE%E6%9C%9F&amp;page=2"' in first
    )
    last = client.get("/search/", {"q": "网贷逾期", "page": "3"}).content.decode()
    assert last.count('class="hit"') == 5 and 'rel="next"' not in last


@pytest.mark.parametrize("page", ["abc", "0", "-1", "", "1.5", "１"])
def test_it_treats_a_bad_page_number_as_page_one(client, many, page):
    response = client.get("/search/", {"q": "网贷逾期", "page": page})
    assert response.status_code == 200
    assert response.content.decode().count('class="hit"') == PER_PAGE


@pytest.mark.parametrize("page", ["4", "99999", "9" * 40])
def test_it_answers_404_past_the_last_page(client, many, page):
    assert client.get("/search/", {"q": "网贷逾期", "page": page}).status_code == 404
    assert client.get("/api/search/", {"q": "网贷逾期", "page": page}).status_code == 404


def test_it_suggests_articles_and_trees_when_nothing_matches(client, make_article):
    make_article(title="逾期多久会上征信？")
    html = client.get("/search/", {"q": "完全无关的词语"}).content.decode()
    assert "没有找到与“完全无关的词语”相关的内容" in html
    assert "逾期多久会上征信？" in html and 'href="/guide/"' in html


def test_it_suggests_the_question_tree_closest_to_the_query(client, db):
    from kb.guide.models import Tree

    for slug, title in [
        ("yuqi-houguo", "逾期了会怎样？"),
        ("cuishou-saorao", "遇到催收骚扰怎么办？"),
        ("bei-qisu", "被起诉了怎么办？"),
        ("xinyongka", "信用卡还不上怎么办？"),
    ]:
        Tree.objects.create(slug=slug, title=title, status=Tree.Status.PUBLISHED)
    html = client.get("/search/", {"q": "催債電話打給家人"}).content.decode()  # no word matches
    assert "没有找到" in html
    assert html.index('href="/guide/cuishou-saorao/"') < html.index('href="/guide/yuqi-houguo/"')
    assert 'href="/guide/xinyongka/"' not in html  # three trees at most


@pytest.mark.parametrize(
    "q",
    [
        "借呗" * 5000,
        "借呗\x00逾期",
        "\x00\x00",
        "？？！！……",
        "   ",
        "<script>alert(1)</script>",
        "'\" OR 1=1 --",
        "NEAR(a b)",
        "*",
        '"',
    ],
)
def test_it_never_fails_on_bad_input(client, make_article, q):
    make_article(title="借呗逾期会有哪些后果？")
    for url in ("/search/", "/api/search/"):
        response = client.get(url, {"q": q})
        assert response.status_code == 200
    assert "<script>alert" not in client.get("/search/", {"q": q}).content.decode()


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%ED%A0%80",  # a lone UTF-16 surrogate, UTF-8 encoded
        "q=%ED%A0%80%E5%80%9F%E5%91%97&page=%ED%A0%80",
        "q=%FF%FE%E5%80",  # not UTF-8 at all, then a cut-off character
        "q=%E5%80%9F%E5%91%97&q=%E9%80%BE%E6%9C%9F",  # q given twice
        "q[]=%E5%80%9F%E5%91%97&page[]=2",
        "q=%E5%80%9F%E5%91%97&page=%00",
        "q=%E5%80%9F%E5%91%97&page=99999999999999999999999999999999",
        "page=99999999999999999999999999999999",  # no query: the search page
        "q=%E5%80%9F%E5%91%97&page=-99999999999999999999",
        "q=%F0%9F%98%80%E2%80%AE%E5%80%9F%E5%91%97",  # emoji, right-to-left override
    ],
)
def test_it_never_fails_on_bad_query_strings(client, make_article, query_string):
    make_article(title="借呗逾期会有哪些后果？")
    for url in ("/search/", "/api/search/"):
        response = client.get(f"{url}?{query_string}")
        assert response.status_code in (200, 404), (url, query_string, response.status_code)
        if response.status_code == 404 and url == "/api/search/":
            assert response.json() == {"error": "没有这一页搜索结果"}


def test_it_cuts_a_long_query_to_100_characters(client, db):
    response = client.get("/api/search/", {"q": "借" * 10_000})
    assert response.json()["query"] == "借" * 100


def test_it_shows_the_empty_search_page(client, db):
    response = client.get("/search/")
    assert response.status_code == 200
    assert 'id="search-q"' in response.content.decode()


def test_api_answers_json(client, make_article):
    article = make_article(title="信用卡逾期会怎样？", short_answer="信用卡逾期会产生利息。")
    data = client.get("/api/search/", {"q": "信用卡", "page": "1"}).json()
    assert data["query"] == "信用卡" and data["total"] == 1 and data["page"] == 1
    (hit,) = data["results"]
    assert hit["title"] == "信用卡逾期会怎样？" and hit["url"] == article.get_absolute_url()
    assert hit["type"] == "article" and "<mark>信用卡</mark>" in hit["snippet"]
    assert client.get("/api/search/").json() == {"query": "", "total": 0, "page": 1, "results": []}


def test_it_refuses_post(client, db):
    assert client.post("/search/", {"q": "借呗"}).status_code == 405


def test_it_costs_a_fixed_number_of_queries(client, many, django_assert_num_queries):
    # Search pages are never page-cached, so no content version is read.
    with django_assert_num_queries(3):  # synonyms and laws (then cached), ranked page
        client.get("/search/", {"q": "网贷逾期"})
    with django_assert_num_queries(1):  # one ranked page
        client.get("/search/", {"q": "网贷逾期", "page": "2"})
    with django_assert_num_queries(4):  # ranked page, articles, trees, categories
        client.get("/search/", {"q": "完全无关"})
    with django_assert_num_queries(3):  # suggestions only
        client.get("/search/", {"q": "？？？"})
    with django_assert_num_queries(1):
        client.get("/api/search/", {"q": "网贷逾期"})


def test_it_suggests_phrases_and_categories_when_nothing_matches(client, make_article):
    from kb.search.models import Synonym

    make_article(title="逾期多久会上征信？")
    Synonym.objects.create(term="暴力催收", synonyms="催收骚扰、恐吓")
    html = client.get("/search/", {"q": "催收电话骚扰不停"}).content.decode()
    assert "没有找到" in html
    assert (
        "你是不是要找" in html and 'href="/search/?q=%E5%82%AC%E6%94%B6%E9%AA%9A%E6%89%B0"' in html
    )
    assert "读者常看的分类" in html and 'href="/category/wangdai-yuqi/"' in html


def test_it_keeps_search_results_out_of_shared_caches(client, many):
    for url in ("/search/", "/api/search/"):
        response = client.get(url, {"q": "网贷逾期"})
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
