from kb.articles.models import FAQ, Tag
from tests.page_queries import page_queries


def test_the_article_page_costs_a_fixed_number_of_queries(client, make_article, settings):
    lean = make_article()
    first = page_queries(client, lean.get_absolute_url())
    assert len(first) <= 7, first  # the content version, the page's own queries, its letters

    rich = make_article()
    for i in range(8):
        rich.tags.add(Tag.objects.create(name=f"标签{i}"))
        FAQ.objects.create(article=rich, question=f"问题{i}", answer="回答")
        rich.related.add(make_article())
    assert len(page_queries(client, rich.get_absolute_url())) == len(first)
    response = client.get(rich.get_absolute_url())
    assert response.content.decode().count("问题") >= 8


def test_the_article_page_costs_the_same_without_the_page_cache(client, make_article, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article()
    # The article, its links, FAQ and tags, citations, and the letters it recommends.
    assert len(page_queries(client, article.get_absolute_url())) == 5
