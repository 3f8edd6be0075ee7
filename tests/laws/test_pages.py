"""/laws/, a law's page and a provision's page: content, links, 404s and fixed query counts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kb.articles.models import Article
from kb.laws.models import Law, Provision
from tests.laws.factories import make_law, make_provisions

pytestmark = pytest.mark.django_db


@pytest.fixture
def laws():
    minfadian = make_law()
    make_provisions(minfadian, [667, 668, 675, 676, 680])
    xingfa = make_law("xingfa", "中华人民共和国刑法", "刑法")
    make_provisions(xingfa, [293, (293, 1), 294], chapter="第六章 妨害社会管理秩序罪")
    rule = make_law(
        "zhengxin-tiaoli",
        "征信业管理条例",
        "征信业管理条例",
        kind=Law.Kind.ADMIN_REGULATION,
        document_number="中华人民共和国国务院令第631号",
    )
    make_provisions(rule, [16, 17])
    return {"minfadian": minfadian, "xingfa": xingfa, "rule": rule}


def test_it_lists_laws_grouped_by_kind(client, laws, django_assert_num_queries):
    with django_assert_num_queries(2):  # +1: the page cache's content version
        html = client.get("/laws/").content.decode()
    html = html[html.index("<main") :]
    assert (
        html.index('<h2 id="kind-1">法律</h2>')
        < html.index("中华人民共和国民法典")
        < html.index("行政法规")
    )
    assert html.index("行政法规") < html.index("征信业管理条例")
    assert "共 5 条" in html and 'href="/laws/xingfa/"' in html


def test_it_shows_a_law_with_a_collapsible_toc_and_anchors(client, laws, django_assert_num_queries):
    with django_assert_num_queries(3):  # +1: the page cache's content version
        response = client.get("/laws/xingfa/")
    html = response.content.decode()
    assert '<details class="toc law-toc">' in html and "目录（共 3 条）" in html
    assert '<a href="#h293-2">第六章 妨害社会管理秩序罪</a>' in html
    assert '<section class="provision" id="a293-1">' in html
    assert html.count("第六章 妨害社会管理秩序罪</h3>") == 1
    assert "第二百九十三条之一的第二款原文。" in html


def test_it_shows_a_provision_with_its_place_dates_and_neighbours(
    client, laws, django_assert_num_queries
):
    with django_assert_num_queries(6):  # +1: the page cache's content version
        response = client.get("/laws/xingfa/293-1/")
    html = response.content.decode()
    assert "<h1>《刑法》第二百九十三条之一</h1>" in html
    assert "中华人民共和国刑法 › 第六章 妨害社会管理秩序罪" in html
    assert "<p>第二百九十三条之一的第一款原文。</p><p>第二百九十三条之一的第二款原文。</p>" in html
    assert '<a rel="prev" href="/laws/xingfa/293/">‹ 第二百九十三条</a>' in html
    assert '<a rel="next" href="/laws/xingfa/294/">第二百九十四条 ›</a>' in html
    assert '<time datetime="2021-01-01">2021年1月1日</time>' in html and "LawRefBook/Laws" in html
    assert "<dt>时效性</dt><dd>有效</dd>" in html
    assert "还没有文章引用这一条。" in html


def test_it_lists_only_published_articles_citing_the_provision(
    client, laws, make_article, django_assert_num_queries
):
    body = "依照《民法典》第六百七十五条，借款人应当按期还款。"
    make_article(title="借呗逾期会有哪些后果？", body=body)
    make_article(title="另一篇也引用", body="《民法典》第675条")
    make_article(title="草稿不该出现", body=body, status=Article.Status.DRAFT)
    make_article(title="定时发布还没到", body=body, published_at=timezone.now() + timedelta(days=1))
    make_article(title="只引用别的条", body="《民法典》第六百八十条")
    with django_assert_num_queries(6):  # +1: the page cache's content version
        html = client.get("/laws/minfadian/675/").content.decode()
    cited = html[html.index("引用本条的文章") :]
    assert "借呗逾期会有哪些后果？" in cited and "另一篇也引用" in cited
    assert "草稿不该出现" not in cited and "只引用别的条" not in cited
    assert "定时发布还没到" not in cited


def test_it_shows_earlier_text_after_a_change(client, laws):
    provision = Provision.objects.get(law__slug="minfadian", number=680)
    old = provision.text
    provision.text = "修改后的文本。"
    provision.save()
    html = client.get("/laws/minfadian/680/").content.decode()
    assert "<p>修改后的文本。</p>" in html
    assert "本条此前的文本" in html and old.split("\n")[0] in html


@pytest.mark.parametrize(
    "url",
    ["/laws/nope/", "/laws/minfadian/9900/", "/laws/minfadian/abc/", "/laws/minfadian/675-x/"],
)
def test_it_answers_404_for_unknown_laws_and_provisions(client, laws, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_it_puts_laws_and_provisions_in_the_sitemap(client, laws):
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/laws/</loc>" in xml
    assert "http://testserver/laws/minfadian/</loc>" in xml
    assert "http://testserver/laws/xingfa/293-1/</loc>" in xml
