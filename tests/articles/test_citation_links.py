"""Citations in rendered articles become links to provision pages; misses are kept."""

import pytest

from kb.articles.citation_links import link_citations
from kb.articles.models import ArticleCitation, UnresolvedCitation
from kb.articles.rendering import render_markdown
from tests.laws.factories import make_law, make_provisions

pytestmark = pytest.mark.django_db


@pytest.fixture
def minfadian():
    law = make_law()
    make_provisions(law, range(667, 681))
    return law


def test_it_links_a_resolved_citation_with_its_text_as_description(minfadian):
    html, hits, misses = link_citations("<p>依照《民法典》第六百七十五条，借款人应当按期还款。</p>")
    assert (
        '<a class="cite" href="/laws/minfadian/675/" aria-describedby="cite-c0-0">《民法典》第六百七十五条</a>'
        in html
    )
    assert (
        '<span class="cite-text" id="cite-c0-0">《民法典》第六百七十五条：第六百七十五条的第一款原文。'
        in html
    )
    assert [h.raw_text for h in hits] == ["《民法典》第六百七十五条"]
    assert misses == []


def test_it_keeps_a_nonexistent_provision_unlinked_and_reports_it(minfadian):
    html, hits, misses = link_citations("<p>《民法典》第九千九百条</p>")
    assert html == "<p>《民法典》第九千九百条</p>"
    assert hits == []
    assert [(m.raw_text, m.reason) for m in misses] == [
        ("《民法典》第九千九百条", "《民法典》中没有这一条")
    ]


def test_it_reports_laws_the_site_does_not_hold(minfadian):
    _, hits, misses = link_citations("<p>《民事诉讼法》第一百二十二条</p>")
    assert hits == [] and misses[0].reason == "本站尚未收录《民事诉讼法》"


def test_it_leaves_code_pre_and_existing_links_alone(minfadian):
    source = (
        "<p><code>《民法典》第六百七十五条</code></p><pre>民法典第六百七十六条</pre>"
        '<p><a href="/x/">《民法典》第六百七十七条</a></p>'
    )
    html, hits, misses = link_citations(source)
    assert html == source and hits == [] and misses == []


def test_it_expands_a_range_and_follows_本法_across_paragraphs(minfadian):
    html, hits, _ = link_citations(
        "<p>《民法典》第六百六十七条至第六百七十条。</p><p>该法第六百八十条</p>"
    )
    assert [h.label for h in hits] == [
        "第六百六十七条",
        "第六百六十八条",
        "第六百六十九条",
        "第六百七十条",
        "第六百八十条",
    ]
    assert html.count('class="cite"') == 2
    assert 'href="/laws/minfadian/667/to/670/"' in html
    assert "共 4 条，点击查看全部" in html


def test_it_opens_a_cited_range_on_a_page_listing_every_provision(minfadian, client):
    html, _, _ = link_citations("<p>《民法典》第六百七十五条至第六百七十七条</p>")
    assert 'href="/laws/minfadian/675/to/677/"' in html
    page = client.get("/laws/minfadian/675/to/677/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "《民法典》第六百七十五条至第六百七十七条" in text
    for label in ("第六百七十五条", "第六百七十六条", "第六百七十七条"):
        assert f"{label}的第一款原文。" in text
    assert 'href="/laws/minfadian/676/"' in text
    assert "第六百七十八条的" not in text
    assert client.get("/zh-hant/laws/minfadian/675/to/677/").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/laws/minfadian/677/to/675/", "/laws/minfadian/675/to/9999/", "/laws/nope/1/to/2/"],
)
def test_it_answers_404_for_a_range_that_is_not_there(minfadian, client, path):
    assert client.get(path).status_code == 404


def test_it_costs_a_fixed_number_of_queries_for_a_range_page(
    minfadian, client, django_assert_max_num_queries
):
    client.get("/laws/minfadian/667/to/668/")
    with django_assert_max_num_queries(4):
        assert client.get("/laws/minfadian/667/to/680/").status_code == 200


def test_it_does_not_link_本规定_quoted_from_another_document(minfadian):
    html, hits, _ = link_citations(
        "<p>《民法典》第六百七十五条规定了还款期限。</p>"
        "<blockquote><p>本法第六百七十六条：引自另一份文件。</p></blockquote>"
        "<p>2018年的决定写道：“应当认定为<em>本解释</em>第六条规定的‘有效催收’，"
        "本解释第六百八十条……”</p><p>本法第六百八十条</p>"
    )
    assert [h.label for h in hits] == ["第六百七十五条", "第六百八十条"]
    assert html.count('class="cite"') == 2


def test_it_survives_sanitising_in_the_render_pipeline(minfadian):
    rendered = render_markdown(
        "依照《民法典》第六百八十条第一款，禁止高利放贷。\n\n`《民法典》第六百七十五条`"
    )
    assert 'href="/laws/minfadian/680/"' in rendered.html
    assert 'aria-describedby="cite-c0-0"' in rendered.html and 'id="cite-c0-0"' in rendered.html
    assert rendered.html.count('class="cite"') == 1
    assert rendered.citations[0].paragraph == 1


def test_it_stores_hits_and_misses_when_an_article_is_saved(minfadian, make_article):
    article = make_article(
        body="《民法典》第六百七十五条、第六百七十五条第二款和第六百八十条。《民法典》第九千九百条。"
    )
    rows = list(
        ArticleCitation.objects.filter(article=article).values_list("provision__number", "count")
    )
    assert rows == [(675, 2), (680, 1)]
    assert list(
        UnresolvedCitation.objects.filter(article=article).values_list("raw_text", flat=True)
    ) == ["《民法典》第九千九百条"]


def test_it_shows_the_same_links_in_the_staff_preview(minfadian, staff_client):
    body = "依照《民法典》第六百七十五条。"
    response = staff_client.post("/markdownx/markdownify/", {"content": body})
    assert response.status_code == 200
    assert response.content.decode() == render_markdown(body).html
    assert 'href="/laws/minfadian/675/"' in response.content.decode()
