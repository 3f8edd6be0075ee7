from kb.articles.models import Article, Tag


def test_it_lists_the_published_articles_of_a_tag(client, make_article):
    tag = Tag.objects.create(name="借呗", slug="jiebei")
    make_article(title="公开文章").tags.add(tag)
    make_article(title="草稿文章", status=Article.Status.DRAFT).tags.add(tag)
    html = client.get("/tag/jiebei/").content.decode()
    assert "公开文章" in html and "草稿文章" not in html
    assert '<li aria-current="page">标签：借呗</li>' in html


def test_it_404s_on_an_unknown_tag(client, db):
    assert client.get("/tag/no-such-tag/").status_code == 404


def test_the_tag_page_costs_a_fixed_number_of_queries(
    client, make_article, django_assert_num_queries
):
    tag = Tag.objects.create(name="征信", slug="zhengxin")
    for _ in range(6):
        make_article().tags.add(tag)
    with django_assert_num_queries(4):  # content version, tag, count, articles
        client.get("/tag/zhengxin/")
