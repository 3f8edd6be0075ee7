import xml.etree.ElementTree as ET

from django.utils import timezone

from kb.articles.models import Article, Tag

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _locs(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [el.text for el in root.findall("s:url/s:loc", NS)]


def test_it_lists_every_public_article_page(client, make_article):
    published = make_article(
        published_at=timezone.make_aware(timezone.datetime(2026, 3, 19, 21, 44))
    )
    draft = make_article(status=Article.Status.DRAFT)
    tag = Tag.objects.create(name="借呗", slug="jiebei")
    published.tags.add(tag)
    Tag.objects.create(name="空标签", slug="kong")
    locs = _locs(client)
    base = "http://testserver"
    assert f"{base}/" in locs
    assert f"{base}{published.get_absolute_url()}" in locs
    assert f"{base}{draft.get_absolute_url()}" not in locs
    assert f"{base}/category/{published.category.slug}/" in locs
    assert f"{base}/tag/jiebei/" in locs
    assert f"{base}/tag/kong/" not in locs
    assert f"{base}/archive/2026/03/" in locs


def test_it_lists_the_traditional_mirror_too(client, make_article):
    article = make_article()
    locs = _locs(client)
    assert f"http://testserver/zh-hant{article.get_absolute_url()}" in locs
    assert "http://testserver/zh-hant/" in locs


def test_every_listed_article_page_answers(client, make_article):
    make_article().tags.add(Tag.objects.create(name="征信", slug="zhengxin"))
    own = ("/", "/articles/", "/category/", "/tag/", "/archive/")
    for loc in _locs(client):
        path = loc.removeprefix("http://testserver").removeprefix("/zh-hant")
        if path == "/" or path.startswith(own[1:]):
            assert client.get(loc.removeprefix("http://testserver")).status_code == 200, loc


def test_robots_txt_points_at_the_sitemap(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_it_shows_a_new_article_at_once(client, make_article):
    first = make_article()
    assert f"http://testserver{first.get_absolute_url()}" in _locs(client)
    second = make_article()
    assert f"http://testserver{second.get_absolute_url()}" in _locs(client)


def test_it_is_rendered_once_per_content_version(client, make_article, django_assert_num_queries):
    make_article()
    _locs(client)
    with django_assert_num_queries(
        1
    ):  # the content version (kb/core/content_version.py), nothing else
        _locs(client)


def test_rendering_it_costs_a_fixed_number_of_queries(
    client, make_article, django_assert_num_queries
):
    for _ in range(5):
        make_article()
    # content version, articles (their months make the archive section), categories, tags,
    # letters, guides, laws with their provisions; the 繁體 twins reuse them
    with django_assert_num_queries(7):
        _locs(client)
