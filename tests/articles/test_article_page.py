"""The article page shows every part the foundation issue promises, in reading order."""

import datetime
import re

import pytest

from kb.articles.models import Category
from kb.laws.models import Law
from tests.laws.factories import make_law, make_provisions

pytestmark = pytest.mark.django_db

BODY = """## 要点

先看简短回答。依据是《民法典》第六百七十五条。

## 怎么办

按期还款。

## 法律依据

见下文。
"""


@pytest.fixture
def page(client, make_article, category):
    parent = Category.objects.create(name="债务问题", slug="zhaiwu-wenti")
    category.parent = parent
    category.save()
    law = make_law(status=Law.Status.IN_FORCE, last_amended_date=datetime.date(2023, 5, 1))
    make_provisions(law, [675])
    related = make_article(title="相关的那篇文章")
    article = make_article(
        title="借款到期还不上怎么办？",
        short_answer="先和出借人沟通。拖着不还只会让费用变多。",
        body=BODY,
        source="信用债务知识库编辑部",
        editor="王编辑",
        reviewed_at=datetime.date(2026, 3, 1),
    )
    article.related.add(related)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def position(html: str, needle: str) -> int:
    assert needle in html, needle
    return html.index(needle)


def test_it_shows_breadcrumb_title_dates_source_and_editor(page):
    crumbs = page[position(page, 'class="breadcrumb"') :].split("</nav>")[0]
    assert crumbs.index("债务问题") < crumbs.index("网贷逾期")
    assert "借款到期还不上怎么办？" in page
    meta = page[position(page, 'class="meta"') :].split("</p>")[0]
    assert "发布" in meta and "更新" in meta and "最近审核" in meta and "2026年3月1日" in meta
    assert "来源：信用债务知识库编辑部" in meta and "编辑：王编辑" in meta


def test_it_boxes_the_short_answer_before_the_toc_and_body(page):
    box = position(page, 'class="short-answer"')
    assert page.index("先和出借人沟通。", box) < position(page, 'class="toc"')
    assert position(page, 'class="toc"') < position(page, 'class="body"')
    toc = page[page.index('class="toc"') :].split("</details>")[0]
    assert "<details" in page[: page.index('class="toc"')][-20:]
    anchors = ["h-yao-dian", "h-zen-me-ban", "h-fa-lv-yi-ju"]
    assert re.findall(r'href="#(h-[a-z0-9-]+)"', toc) == anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in page


def test_it_lists_the_cited_law_verbatim_with_dates(page):
    block = page[position(page, "本文依据的法律") :].split("</section>")[0]
    assert "《民法典》第六百七十五条" in block
    assert 'href="/laws/minfadian/675/"' in block
    assert "<p>第六百七十五条的第一款原文。</p><p>第六百七十五条的第二款原文。</p>" in block
    assert "中华人民共和国民法典 · 有效" in block
    assert "2021年1月1日</time>施行" in block and "最近修改" in block and "2023年5月1日" in block


def test_it_ends_with_disclaimer_copyright_permalink_and_related(page):
    laws = position(page, "本文依据的法律")
    disclaimer = position(page, 'class="disclaimer"')
    assert laws < disclaimer
    assert "不是针对你个人情况的法律意见" in page[disclaimer:]
    copyright_line = page[position(page, 'class="copyright"') :].split("</p>")[0]
    assert "© " in copyright_line and "信用债务知识库" in copyright_line
    assert re.search(
        r"本文链接：<a href=\"/articles/[a-z0-9-]+/\">http://testserver/articles/", copyright_line
    )
    related = page[position(page, 'class="related"') :]
    assert "相关的那篇文章" in related


def test_it_says_so_when_an_article_cites_no_provision(client, make_article):
    html = client.get(
        make_article(body="## 要点\n\n没有条文。").get_absolute_url()
    ).content.decode()
    block = html[html.index("本文依据的法律") :].split("</section>")[0]
    assert "本文没有引用具体条文" in block
