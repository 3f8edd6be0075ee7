"""What a reader does, in a real browser: search → article → law → back, the question tree, 繁體."""

import re

import pytest

from tests.browser.helpers import ARTICLE, GUIDE, PROVISION, walk_to_outcome


def test_it_takes_a_reader_from_search_to_an_article_to_the_cited_law_and_back(page):
    page.goto("/")
    page.get_by_role("searchbox", name="搜索").fill("借呗逾期")
    page.get_by_role("searchbox", name="搜索").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert page.get_by_role("searchbox", name="搜索").first.input_value() == "借呗逾期"
    page.locator("main a[href^='/articles/']").first.click()
    page.wait_for_url(re.compile(r"/articles/[\w-]+/$"))
    article_url = page.url
    assert page.get_by_role("heading", name="简短回答").is_visible()
    citation = page.locator("main a[href^='/laws/']").first
    cited = citation.inner_text()
    citation.click()
    page.wait_for_url(re.compile(r"/laws/[\w-]+/\d+(-\d+)?/$"))
    heading = page.locator("h1").inner_text()
    assert re.search(r"第.+条", heading), heading
    assert re.search(r"第.+条", cited) and cited.split("》")[-1][:3] in heading
    page.go_back()
    page.wait_for_url(article_url)
    assert page.locator("h1").is_visible()


def test_it_shows_the_text_of_a_citation_on_demand(page):
    page.goto(ARTICLE)
    link = page.locator(".body a.cite[href^='/laws/']").first
    tip = page.locator("#" + link.get_attribute("aria-describedby"))
    decoration = link.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert "underline" in decoration, "citations look like links"
    assert not tip.is_visible(), "the provision text waits until asked for"
    link.hover()
    assert tip.is_visible() and re.search(r"第.+条", tip.inner_text())
    page.mouse.move(0, 0)
    link.focus()
    assert tip.is_visible(), "keyboard users get the text too"


def walk_and_change(page) -> None:
    page.goto("/guide/")
    page.locator(f"main a[href='{GUIDE}']").click()
    page.wait_for_url(f"**{GUIDE}")
    first = walk_to_outcome(page)
    assert len(first) >= 2, "the tree asks more than one question"
    assert page.locator("h1").is_visible()
    outcome_one = page.locator("[data-outcome]").get_attribute("data-outcome")
    answers = page.locator(".guide-answers")
    for a in first:
        assert a.label in answers.inner_text()
    # Change the first answer: back at question one, with the old answer still chosen.
    answers.get_by_role("link", name=re.compile("修改")).first.click()
    page.wait_for_load_state()
    assert page.locator("legend").inner_text().strip() == first[0].question
    assert page.locator("input[type=radio]:checked").count() == 1
    second = walk_to_outcome(page, picks={0: 1})
    assert second[0].label != first[0].label
    assert second[0].label in page.locator(".guide-answers").inner_text()
    outcome_two = page.locator("[data-outcome]").get_attribute("data-outcome")
    assert (outcome_two, [a.label for a in second]) != (outcome_one, [a.label for a in first])


def test_it_walks_the_question_tree_and_changes_an_earlier_answer(page):
    walk_and_change(page)


def test_it_walks_the_question_tree_without_javascript(open_context):
    page = open_context(java_script_enabled=False).new_page()
    walk_and_change(page)


@pytest.mark.parametrize("start", ["/", ARTICLE, GUIDE])
def test_it_switches_to_traditional_chinese_and_back(page, start):
    page.goto(start)
    simplified_title = page.title()
    page.get_by_role("link", name="繁體").click()
    page.wait_for_url(re.compile(r"/zh-hant/"))
    assert page.url.endswith("/zh-hant" + start)
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert "信用債務知識庫" in page.title()
    hrefs = page.locator("main a[href^='/']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    pages = re.compile(r"^/(articles|category|tag|guide|laws|search)/")
    assert [h for h in hrefs if pages.match(h)] == [], "reading links stay in the 繁體 mirror"
    page.get_by_role("link", name="简体").click()
    page.wait_for_url(re.compile(r"^(?!.*zh-hant)"))
    assert page.url.endswith(start)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.title() == simplified_title


def test_it_keeps_a_traditional_reader_in_traditional_through_every_form(page):
    def in_mirror() -> None:
        assert "/zh-hant/" in page.url, page.url
        assert page.locator("html").get_attribute("lang") == "zh-Hant"

    # The search box in the header, then the script switch with the query kept both ways.
    page.goto("/zh-hant" + PROVISION)
    page.get_by_role("searchbox").first.fill("借唄逾期")
    page.get_by_role("searchbox").first.press("Enter")
    page.wait_for_url(re.compile(r"/zh-hant/search/\?q="))
    in_mirror()
    hit = page.locator(".search-results a").first
    assert "借唄" in hit.inner_text()
    first_href = hit.get_attribute("href")
    assert first_href.startswith("/zh-hant/")
    page.get_by_role("link", name="简体").click()
    page.wait_for_url(re.compile(r"^(?!.*zh-hant).*/search/\?q="))
    assert "借呗" in page.locator(".search-results a").first.inner_text()
    assert page.locator(".search-results a").first.get_attribute("href") == first_href.removeprefix(
        "/zh-hant"
    )
    page.get_by_role("link", name="繁體").click()
    page.wait_for_url(re.compile(r"/zh-hant/search/\?q="))
    assert page.locator(".search-results a").first.get_attribute("href") == first_href

    # The question tree, answered in 繁體 to its outcome.
    page.goto("/zh-hant" + GUIDE)
    walk_to_outcome(page)
    in_mirror()
    assert page.locator("[data-outcome]").count() == 1

    # The interest checker: an incomplete form comes back with 繁體 errors, a complete one answers.
    page.goto("/zh-hant/tools/rate/")
    page.fill("#id_amount", "10000")
    page.get_by_role("button", name="計算").click()
    page.wait_for_url(re.compile(r"/zh-hant/tools/rate/\?"))
    in_mirror()
    assert page.locator(".error").count() >= 1
    for field, value in (
        ("received", "9000"),
        ("date", "2024-03-01"),
        ("n", "12"),
        ("payment", "950"),
    ):
        page.fill(f"#id_{field}", value)
    page.get_by_role("button", name="計算").click()
    page.wait_for_url(re.compile(r"/zh-hant/tools/rate/\?.*payment=950"))
    in_mirror()
    assert page.locator(".error").count() == 0

    # Article feedback (a mistake coming back in 繁體 is tested in tests/core/test_hant.py:
    # here the browser itself insists on a choice first).
    page.goto("/zh-hant" + ARTICLE)
    page.get_by_label("沒幫助").check()
    page.get_by_label("原因（選填）").fill("想看信用卡的部分")
    page.get_by_role("button", name="提交反饋").click()
    page.wait_for_url(re.compile(r"/zh-hant/articles/[\w-]+/feedback/thanks/$"))
    in_mirror()
    assert page.locator("h1").inner_text() == "謝謝你的反饋"


def test_it_copies_the_permalink_with_javascript_and_shows_it_without(open_context):
    page = open_context().new_page()
    page.goto(ARTICLE)
    field = page.get_by_label("本文链接（可全选后复制）")
    assert field.input_value().endswith(ARTICLE) and field.get_attribute("readonly") is not None
    button = page.get_by_role("button", name="复制链接")
    button.click()
    page.get_by_role("button", name="已复制").wait_for()
    plain = open_context(java_script_enabled=False).new_page()
    plain.goto(ARTICLE)
    field = plain.get_by_label("本文链接（可全选后复制）")
    assert field.input_value() == page.get_by_label("本文链接（可全选后复制）").input_value()
    assert plain.get_by_role("button", name="复制链接").count() == 0, "no dead button without JS"
