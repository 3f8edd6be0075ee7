import pytest

from kb.articles import pages
from kb.articles.models import Category, Tag


def test_it_lists_articles_of_the_category_and_its_children(client, make_article, category):
    child = Category.objects.create(name="借呗与花呗", slug="jiebei-huabei", parent=category)
    make_article(title="父分类文章")
    make_article(title="子分类文章", category=child)
    html = client.get(category.get_absolute_url()).content.decode()
    assert "父分类文章" in html and "子分类文章" in html


def test_it_shows_a_two_level_breadcrumb(client, make_article, category):
    child = Category.objects.create(name="借呗与花呗", slug="jiebei-huabei", parent=category)
    article = make_article(category=child)
    html = client.get(article.get_absolute_url()).content.decode()
    crumb = html[html.index('class="breadcrumb"') :]
    crumb = crumb[: crumb.index("</nav>")]
    assert crumb.index(category.name) < crumb.index("借呗与花呗")
    assert 'href="/category/wangdai-yuqi/"' in crumb


def test_it_404s_on_unknown_category(client, db):
    assert client.get("/category/nope/").status_code == 404


def test_it_makes_a_pinyin_slug_for_a_new_category(db):
    assert Category.objects.create(name="催收与维权").slug == "cui-shou-yu-wei-quan"


def test_the_category_page_costs_a_fixed_number_of_queries(
    client, make_article, category, django_assert_num_queries
):
    child = Category.objects.create(name="子分类", slug="zi-fen-lei", parent=category)
    for _ in range(6):
        make_article()
        make_article(category=child)
    # content version, category with parent, child ids, count, articles
    with django_assert_num_queries(5):
        response = client.get(category.get_absolute_url())
    assert response.content.decode().count('class="article-link"') == 12


@pytest.mark.parametrize("kind", ["category", "tag"])
def test_it_splits_a_long_list_into_pages(client, make_article, monkeypatch, kind):
    monkeypatch.setattr(pages, "LIST_PAGE_SIZE", 3)
    tag = Tag.objects.create(name="借呗", slug="jiebei")
    for _ in range(5):
        article = make_article()
        article.tags.add(tag)
    url = article.category.get_absolute_url() if kind == "category" else "/tag/jiebei/"
    first = client.get(url).content.decode()
    assert first.count('class="article-link"') == 3
    assert '<a rel="next" href="?page=2">下一页</a>' in first and 'rel="prev"' not in first
    assert "第 1 / 2 页" in first
    second = client.get(url + "?page=2").content.decode()
    assert second.count('class="article-link"') == 2
    assert '<a rel="prev" href="?page=1">上一页</a>' in second and 'rel="next"' not in second
    assert f'<link rel="canonical" href="http://testserver{url}?page=2">' in second
    hant = client.get(f"/zh-hant{url}?page=2&utm_source=x").content.decode()
    assert "第 2 / 2 頁" in hant
    assert f'<link rel="canonical" href="http://testserver/zh-hant{url}?page=2">' in hant
    for bad in ("3", "0", "abc", "-1", "9" * 30, "²"):
        assert client.get(f"{url}?page={bad}").status_code == 404, bad


def test_a_short_list_has_no_page_links(client, make_article):
    article = make_article()
    html = client.get(article.category.get_absolute_url() + "?page=1").content.decode()
    assert 'class="pagination"' not in html
    assert (
        f'<link rel="canonical" href="http://testserver{article.category.get_absolute_url()}">'
        in html
    )


def test_a_strange_page_number_elsewhere_is_ignored(client, db):
    for value in ("²", "١", "9" * 30, "x"):
        response = client.get("/", {"page": value})
        assert response.status_code == 200, value
        assert '<link rel="canonical" href="http://testserver/">' in response.content.decode()
