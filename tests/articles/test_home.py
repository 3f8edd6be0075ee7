from kb.articles.models import Article, Category


def test_it_lists_the_latest_published_articles(client, make_article):
    make_article(title="已发布的文章")
    make_article(title="还是草稿", status=Article.Status.DRAFT)
    html = client.get("/").content.decode()
    assert "已发布的文章" in html
    assert "还是草稿" not in html


def test_it_groups_articles_by_category(client, make_article):
    other = Category.objects.create(name="征信记录", slug="zhengxin")
    make_article(title="逾期多久会上征信？", category=other)
    html = client.get("/").content.decode()
    assert 'href="/category/zhengxin/"' in html


def test_it_costs_the_same_queries_however_many_articles(
    client, make_article, django_assert_max_num_queries
):
    for _ in range(3):
        make_article()
    with django_assert_max_num_queries(6) as ctx:
        client.get("/")
    few = len(ctx.captured_queries)
    for _ in range(12):
        make_article(category=Category.objects.create(name=f"分类{_}", slug=f"fen-lei-{_}"))
    with django_assert_max_num_queries(few):
        client.get("/")


def test_the_home_page_costs_exactly_five_queries(client, make_article, django_assert_num_queries):
    # content version, latest articles, top-level categories, their newest five (one window
    # query for all categories), their children
    child = Category.objects.create(name="子分类", slug="zi-fen-lei")
    for _ in range(8):
        make_article()
        make_article(category=child)
    with django_assert_num_queries(5):
        html = client.get("/").content.decode()
    assert html.count('<section class="cat-block">') >= 2


def test_it_names_an_icon_so_browsers_do_not_ask_for_a_missing_favicon(client, db):
    # Without it Chromium requests /favicon.ico, gets a 404 and logs a console error
    # (Lighthouse best practices).
    from django.contrib.staticfiles import finders

    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    assert open(finders.find("favicon.svg"), encoding="utf-8").read().startswith("<svg")
