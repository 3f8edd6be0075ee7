import xml.etree.ElementTree as ET

from django.utils import timezone

from kb.articles.models import Article, Category


def _items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    return root.find("channel"), root.findall("channel/item")


def test_it_lists_published_articles_newest_first(client, make_article):
    now = timezone.now()
    make_article(title="旧文章", published_at=now - timezone.timedelta(days=3))
    make_article(title="新文章", published_at=now - timezone.timedelta(days=1))
    make_article(title="草稿", status=Article.Status.DRAFT)
    make_article(title="定时", published_at=now + timezone.timedelta(days=1))
    channel, items = _items(client.get("/feed/"))
    assert [i.findtext("title") for i in items] == ["新文章", "旧文章"]
    assert channel.findtext("title") == "信用债务知识库 · 最新文章"


def test_it_links_each_item_to_its_absolute_permalink(client, make_article):
    article = make_article(short_answer="通常不会立即停用。")
    _, items = _items(client.get("/feed/"))
    assert items[0].findtext("link") == f"http://testserver{article.get_absolute_url()}"
    assert items[0].findtext("description") == "通常不会立即停用。"
    assert items[0].findtext("category") == article.category.name


def test_it_has_a_feed_per_category_including_subcategories(client, make_article, category):
    child = Category.objects.create(name="借呗", slug="jiebei", parent=category)
    other = Category.objects.create(name="征信", slug="zhengxin")
    make_article(title="父分类文章")
    make_article(title="子分类文章", category=child)
    make_article(title="其他分类文章", category=other)
    channel, items = _items(client.get(f"/category/{category.slug}/feed/"))
    assert sorted(i.findtext("title") for i in items) == ["子分类文章", "父分类文章"]
    assert "网贷逾期" in channel.findtext("title")


def test_it_404s_for_an_unknown_category_feed(client, db):
    assert client.get("/category/no-such/feed/").status_code == 404


def test_pages_link_to_the_feeds(client, make_article):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/feed/"' in html
    assert f'href="/category/{article.category.slug}/feed/"' in html


def test_the_feed_costs_a_fixed_number_of_queries(client, make_article, django_assert_num_queries):
    for _ in range(5):
        make_article()
    with django_assert_num_queries(2):  # +1: the page cache's content version
        client.get("/feed/")


def test_the_category_page_offers_its_feed(client, make_article):
    article = make_article()
    html = client.get(article.category.get_absolute_url()).content.decode()
    assert html.count(f'href="/category/{article.category.slug}/feed/"') == 2


def test_the_category_feed_costs_a_fixed_number_of_queries(
    client, make_article, django_assert_num_queries
):
    article = make_article()
    for _ in range(5):
        make_article()
    with django_assert_num_queries(3):
        response = client.get(f"/category/{article.category.slug}/feed/")
    assert response.status_code == 200


def test_it_is_valid_rss_2_0(client, make_article):
    from email.utils import parsedate_to_datetime

    article = make_article(title="借呗 & 花呗 <比较>")
    for url in ("/feed/", f"/category/{article.category.slug}/feed/"):
        response = client.get(url)
        root = ET.fromstring(response.content)
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        for required in ("title", "link", "description"):
            assert channel.findtext(required), f"{url}: channel needs <{required}>"
        self_link = channel.find("{http://www.w3.org/2005/Atom}link")
        assert self_link.get("rel") == "self" and self_link.get("href") == f"http://testserver{url}"
        (item,) = channel.findall("item")
        assert item.findtext("title") == "借呗 & 花呗 <比较>"
        assert item.findtext("guid") == item.findtext("link")
        published = article.published_at.replace(microsecond=0)
        assert parsedate_to_datetime(item.findtext("pubDate")) == published
