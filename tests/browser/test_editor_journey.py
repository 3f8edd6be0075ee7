"""An editor writes an article in the admin, previews it, keeps it as a draft, then publishes it."""

import re

from django.conf import settings

from tests.browser.helpers import ADMIN_ADD

TITLE = "浏览器测试：借款合同约定的利息怎么算？"
SLUG = "liulanqi-ceshi-jiekuan-lixi"
BODY = """## 要点

借款人应当按照约定的期限返还借款，见《民法典》第六百七十五条。

## 怎么办

1. 先核对合同。
2. 再和平台协商。
"""


def fill_article(page) -> None:
    page.fill("#id_title", TITLE)
    page.fill("#id_slug", SLUG)
    page.select_option("#id_category", index=1)
    page.fill("#id_short_answer", "按合同约定的期限和利率计算；超过法定上限的部分不受保护。")
    body = page.locator("#id_body")
    body.fill("")
    body.press_sequentially(BODY[:20])  # typing triggers markdownx's live preview
    body.fill(BODY)
    body.press("End")
    body.type(" ")


def test_it_lets_an_editor_write_preview_draft_and_publish_an_article(editor_page, open_context):
    page = editor_page
    page.goto(ADMIN_ADD)
    fill_article(page)
    preview = page.locator(".markdownx-preview")
    preview.locator("a[href='/laws/minfadian/675/']").wait_for(timeout=10_000)
    assert "第六百七十五条" in preview.locator("a[href='/laws/minfadian/675/']").inner_text()
    assert preview.locator("h2", has_text="要点").count() == 1

    page.select_option("#id_status", "draft")
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/change/$"))
    assert page.locator(".messagelist .success, .messagelist li").count() >= 1
    change_url = page.url

    reader = open_context().new_page()
    response = reader.goto(f"/articles/{SLUG}/")
    assert response.status == 404, "a draft is not public"
    reader.goto("/search/?q=" + "浏览器测试")
    assert reader.locator(f"main a[href='/articles/{SLUG}/']").count() == 0

    page.goto(change_url)
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url(re.compile(rf"/{settings.ADMIN_PATH}/articles/article/$"))

    response = reader.goto(f"/articles/{SLUG}/")
    assert response.status == 200
    assert reader.locator("h1").inner_text() == TITLE
    link = reader.locator(".body a[href='/laws/minfadian/675/']")
    assert link.count() == 1, "the published page links the citation"
    assert (
        reader.locator(".cited-laws").get_by_text("借款人应当按照约定的期限返还借款").count() >= 1
    )
    reader.goto("/")
    assert reader.locator(f"main a[href='/articles/{SLUG}/']").count() >= 1, (
        "listed on the home page"
    )
    reader.goto("/search/?q=" + "浏览器测试")
    assert reader.locator(f"main a[href='/articles/{SLUG}/']").count() == 1, "found by search"


def test_it_opens_an_earlier_version_with_a_working_preview(editor_page, open_context):
    """The history page and a past version's revert form work under the CSP in a browser."""
    page = editor_page
    page.goto(f"/{settings.ADMIN_PATH}/articles/article/")
    change = page.locator("#result_list tbody th a").first.get_attribute("href").split("?")[0]
    page.goto(change)
    title = page.locator("#id_title").input_value()
    page.goto(change.replace("/change/", "/history/"))
    versions = page.locator("#change-history a[href*='/history/']")
    assert versions.count() >= 1, "the history page lists versions"
    versions.last.click()
    page.wait_for_url(re.compile(r"/history/\d+/$"))
    assert page.locator("#id_title").input_value() == title
    body = page.locator("#id_body")
    body.press("End")
    body.type("\n\n见《民法典》第六百七十五条。")
    preview = page.locator(".markdownx-preview a[href='/laws/minfadian/675/']")
    preview.first.wait_for(timeout=10_000)
