"""Link checkers and crawlers send HEAD: every public page answers it like GET, without a body."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/", "/laws/", "/guide/", "/search/?q=逾期", "/tools/rate/", "/zh-hant/", "/feed/"],
)
def test_it_answers_head_like_get(client, make_article, path):
    make_article(title="借呗逾期的后果")
    get = client.get(path)
    head = client.head(path)
    assert get.status_code == 200
    assert head.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


@pytest.mark.django_db
def test_it_answers_head_on_an_article_and_its_category(client, make_article):
    article = make_article(title="借呗逾期的后果")
    for path in (article.get_absolute_url(), article.category.get_absolute_url()):
        assert client.head(path).status_code == 200


@pytest.mark.django_db
def test_it_still_refuses_other_methods_on_pages(client):
    assert client.put("/laws/").status_code == 405
