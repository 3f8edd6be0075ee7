from kb.articles.models import Category


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
    # content version, category with parent, child ids, articles
    with django_assert_num_queries(4):
        response = client.get(category.get_absolute_url())
    assert response.content.decode().count('class="article-link"') == 12
