from kb.articles.models import FAQ, Tag


def test_the_article_page_costs_a_fixed_number_of_queries(
    client, make_article, django_assert_max_num_queries
):
    lean = make_article()
    with django_assert_max_num_queries(6) as ctx:
        client.get(lean.get_absolute_url())
    baseline = len(ctx.captured_queries)

    rich = make_article()
    for i in range(8):
        rich.tags.add(Tag.objects.create(name=f"标签{i}"))
        FAQ.objects.create(article=rich, question=f"问题{i}", answer="回答")
        rich.related.add(make_article())
    with django_assert_max_num_queries(baseline):
        response = client.get(rich.get_absolute_url())
    assert response.content.decode().count("问题") >= 8
