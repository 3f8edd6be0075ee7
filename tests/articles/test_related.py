from django.utils import timezone

from kb.articles import discovery
from kb.articles.models import Article, ArticleCitation, Category, Tag
from tests.laws.factories import make_law, make_provisions
from tests.page_queries import page_queries


def article_links(article):
    """The links as the article page asks for them, with the article's own tags and provisions."""
    tag_ids = list(article.tags.values_list("pk", flat=True))
    provision_ids = list(article.citations.values_list("provision_id", flat=True))
    return discovery.article_links(article, tag_ids, provision_ids)


def days_ago(n):
    return timezone.now() - timezone.timedelta(days=n)


def tagged(make_article, *tags, **kwargs):
    article = make_article(**kwargs)
    article.tags.add(*tags)
    return article


def test_it_puts_hand_picked_articles_first(make_article):
    jiebei = Tag.objects.create(name="借呗", slug="jiebei")
    article = tagged(make_article, jiebei)
    by_tag = tagged(make_article, jiebei, published_at=days_ago(0.5))
    picked = make_article(published_at=days_ago(30))
    article.related.add(picked)
    assert article_links(article).related == [picked, by_tag]


def test_it_ranks_by_shared_tags_and_citations(make_article):
    a, b, c = (
        Tag.objects.create(name=n, slug=s)
        for n, s in (("借呗", "jiebei"), ("花呗", "huabei"), ("征信", "zhengxin"))
    )
    article = tagged(make_article, a, b, c)
    one = tagged(make_article, a, published_at=days_ago(0.1))
    three = tagged(make_article, a, b, c, published_at=days_ago(5))
    two = tagged(make_article, a, b, published_at=days_ago(3))
    law = make_law()
    p675, p676 = make_provisions(law, [675, 676])
    cites = make_article(published_at=days_ago(9))
    for art, provision in ((article, p675), (article, p676), (cites, p675)):
        ArticleCitation.objects.create(article=art, provision=provision)
    unrelated = make_article()
    result = article_links(article).related
    assert result[:3] == [three, two, one]
    assert cites in result and unrelated not in result and article not in result


def test_it_fills_up_to_five_and_hides_unpublished(make_article):
    tag = Tag.objects.create(name="网贷", slug="wangdai")
    article = tagged(make_article, tag)
    tagged(make_article, tag, status=Article.Status.DRAFT)
    article.related.add(make_article(status=Article.Status.DRAFT))
    for _ in range(7):
        tagged(make_article, tag)
    result = article_links(article).related
    assert len(result) == 5
    assert all(a.is_published() for a in result)


def test_it_finds_previous_and_next_in_the_same_category(make_article, category):
    other = Category.objects.create(name="征信", slug="zhengxin")
    older = make_article(title="较早", published_at=days_ago(5))
    make_article(title="别的分类", category=other, published_at=days_ago(3))
    current = make_article(title="当前", published_at=days_ago(2))
    make_article(title="草稿", status=Article.Status.DRAFT, published_at=days_ago(1.5))
    newer = make_article(title="较新", published_at=days_ago(1))
    assert article_links(current).previous == older
    assert article_links(current).next == newer
    assert article_links(older).previous is None
    assert article_links(newer).next is None


def test_it_orders_articles_published_at_the_same_moment(make_article):
    moment = days_ago(1)
    first, second = make_article(published_at=moment), make_article(published_at=moment)
    assert article_links(first).next == second and article_links(second).previous == first


def test_the_latest_sidebar_skips_the_current_article(make_article):
    articles = [make_article(published_at=days_ago(n)) for n in range(1, 8)]
    latest = article_links(articles[0]).latest
    assert latest == articles[1:6]


def test_the_article_page_shows_discovery_links(client, make_article):
    tag = Tag.objects.create(name="借呗", slug="jiebei")
    older = tagged(make_article, tag, title="较早的文章", published_at=days_ago(5))
    current = tagged(make_article, tag, title="当前文章", published_at=days_ago(2))
    html = client.get(current.get_absolute_url()).content.decode()
    assert "相关文章" in html and "最新文章" in html
    assert f'上一篇：<a href="{older.get_absolute_url()}" rel="prev">较早的文章</a>' in html
    assert "下一篇：没有了" in html
    month = timezone.localtime(current.published_at)
    assert f'href="/archive/{month:%Y}/{month:%m}/"' in html


def test_the_article_page_costs_a_fixed_number_of_queries(client, make_article):
    # page cache version, article, citations, FAQs+tags+letters, related, previous+next+latest
    lean = make_article()
    assert len(page_queries(client, lean.get_absolute_url())) == 6
    tag = Tag.objects.create(name="借呗", slug="jiebei")
    rich = tagged(make_article, tag)
    for _ in range(8):
        rich.related.add(tagged(make_article, tag))
        make_article()
    assert len(page_queries(client, rich.get_absolute_url())) == 6
    response = client.get(rich.get_absolute_url())
    assert response.content.decode().count('class="article-link"') == 5


def test_two_queries_find_every_list_by_its_rule(make_article, category, django_assert_num_queries):
    other = Category.objects.create(name="信用卡", slug="xinyongka")
    tags = [Tag.objects.create(name=f"标签{n}", slug=f"tag-{n}") for n in range(3)]
    p675, p676 = make_provisions(make_law(), [675, 676])
    rows = []
    for n in range(14):
        article = make_article(published_at=days_ago(30 - n), category=other if n % 3 else category)
        article.tags.add(*tags[: n % 4])
        for provision in (p675, p676)[: n % 3]:
            ArticleCitation.objects.create(article=article, provision=provision)
        rows.append(article)
    rows[5].related.add(rows[0], rows[12])
    make_article(status=Article.Status.DRAFT).tags.add(*tags)
    newest_first = rows[::-1]  # published one day apart, oldest first
    for article in rows:
        tag_ids = list(article.tags.values_list("pk", flat=True))
        provision_ids = list(article.citations.values_list("provision_id", flat=True))
        with django_assert_num_queries(2):
            links = discovery.article_links(article, tag_ids, provision_ids)
        same = [a for a in newest_first if a.category_id == article.category_id]
        at = same.index(article)
        assert links.previous == (same[at + 1] if at + 1 < len(same) else None)
        assert links.next == (same[at - 1] if at > 0 else None)
        assert links.latest == [a for a in newest_first if a != article][:5]
        assert article not in links.related and len(links.related) <= 5
    assert len(article_links(rows[5]).related) == 5
