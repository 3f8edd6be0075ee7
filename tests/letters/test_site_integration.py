"""Where readers find the letters: the header, /letters/, guide outcomes, articles, the sitemap,
and the 繁體 mirror."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb.core.workflow import set_status
from kb.guide.models import Choice, Node, Tree
from kb.letters.models import LetterOffer
from tests.letters.answers import STOP_HARASSMENT
from tests.letters.conftest import letter_url


def small_tree() -> tuple[Tree, Node]:
    tree = Tree.objects.create(slug="saorao", title="遇到催收骚扰怎么办？", status="published")
    start = Node.objects.create(tree=tree, slug="who", title="谁在催收？", is_start=True)
    outcome = Node.objects.create(
        tree=tree, slug="out", kind="outcome", title="可以要求停止", answer="回答。"
    )
    other = Node.objects.create(tree=tree, slug="other", kind="outcome", title="别的", answer="答")
    Choice.objects.create(node=start, value="app", label="平台", leads_to=outcome, order=0)
    Choice.objects.create(node=start, value="bank", label="银行", leads_to=other, order=1)
    return tree, outcome


def test_the_header_and_the_index_list_the_published_letters(client, letters):
    html = client.get("/").content.decode()
    assert '<a href="/letters/">文书助手</a>' in html
    index = client.get("/letters/").content.decode()
    for letter in letters.values():
        assert f'href="/letters/{letter.kind}/"' in index and letter.summary in index


def test_a_guide_outcome_offers_its_letter_prefilled(client, letters, django_assert_num_queries):
    tree, outcome = small_tree()
    LetterOffer.objects.create(
        node=outcome, letter=letters["stop-harassment"], prefill="third_parties=on"
    )
    with django_assert_num_queries(6):  # the same as any outcome: the offer comes with the nodes
        html = client.get("/guide/saorao/?who=app").content.decode()
    assert 'href="/letters/stop-harassment/?third_parties=on"' in html
    form = client.get("/letters/stop-harassment/?third_parties=on").content.decode()
    (box,) = re.findall(r'<input type="checkbox" name="third_parties"[^>]*>', form)
    assert " checked" in box
    other = client.get("/guide/saorao/?who=bank").content.decode()
    assert "/letters/" not in other.split("</header>", 1)[1]


def test_a_guide_outcome_hides_a_letter_that_is_not_published(client, letters):
    tree, outcome = small_tree()
    LetterOffer.objects.create(node=outcome, letter=letters["stop-harassment"])
    letters["stop-harassment"].status = "review"
    letters["stop-harassment"].save()
    html = client.get("/guide/saorao/?who=app").content.decode()
    assert "/letters/stop-harassment/" not in html


def test_an_article_links_to_the_letters_it_recommends(client, letters, make_article, role_user):
    article = make_article()
    letters["credit-objection"].articles.add(article)
    letters["civil-defence"].articles.add(article)
    letters["civil-defence"].status = "draft"
    letters["civil-defence"].save()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/letters/credit-objection/">征信异议申请书</a>' in html
    assert "/letters/civil-defence/" not in html
    # Published through the workflow, as a reviewer does: the cached article page follows.
    civil = type(letters["civil-defence"]).objects.filter(pk=letters["civil-defence"].pk)
    set_status(role_user("审核"), civil, "published")
    assert "/letters/civil-defence/" in client.get(article.get_absolute_url()).content.decode()


def test_the_sitemap_lists_the_forms_but_no_filled_letter(client, letters):
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/letters/</loc>" in xml
    assert "<loc>http://testserver/zh-hant/letters/civil-defence/</loc>" in xml
    assert "go=1" not in xml and ".docx" not in xml


def test_zh_hant_letters_work_like_every_other_page(client, letters):
    index = client.get("/zh-hant/letters/")
    assert index.status_code == 200 and "文書助手" in index.content.decode()
    form = client.get("/zh-hant/letters/stop-harassment/").content.decode()
    assert 'action="/zh-hant/letters/stop-harassment/"' in form
    response = client.get(letter_url("stop-harassment", STOP_HARASSMENT, hant=True))
    html = response.content.decode()
    assert response.status_code == 200 and response["Content-Language"] == "zh-Hant"
    assert "關於停止違規催收的告知函" in html
    assert 'href="/zh-hant/letters/stop-harassment.docx?' in html
    assert 'href="/zh-hant/laws/minfadian/1032/"' in html
    bad = client.get(letter_url("stop-harassment", {**STOP_HARASSMENT, "name": ""}, hant=True))
    assert bad.status_code == 400 and "請填寫你的姓名。" in bad.content.decode()


def test_the_index_costs_one_query(client, letters, django_assert_num_queries):
    with django_assert_num_queries(1):  # the published letters (never page-cached: no version)
        client.get("/letters/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/letters/credit-objection/")
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in ctx.captured_queries)
