"""文书助手 in a real browser on a 375 px phone: fill a letter, print-preview it, axe on each step."""

from tests.browser.helpers import axe_violations, horizontal_overflow


def assert_no_axe_violations(page, name: str) -> None:
    found = axe_violations(page)
    assert found == [], f"{name}: axe violations: {found}"


def test_a_reader_fills_and_prints_a_repayment_plan_on_a_phone(phone_page):
    page = phone_page
    page.goto("/letters/")
    assert_no_axe_violations(page, "letters index")
    with page.expect_navigation():
        page.get_by_role("link", name="协商还款（个性化分期）申请书").click()
    assert_no_axe_violations(page, "letter form")

    page.get_by_label("你的姓名").fill("周三")
    page.get_by_label("收件机构").fill("某某消费金融有限公司")
    page.get_by_label("目前欠款总额（元）").fill("-12000")
    page.get_by_label("分几期还（月）").fill("12")
    page.get_by_label("建议的年利率（%）").fill("6")
    page.get_by_label("第一期还款日").fill("2025-01-31")
    page.get_by_label("现在的收入").fill("每月工资约 4000 元。")
    page.get_by_label("还款困难的原因").fill("公司裁员，收入减少。")
    with page.expect_navigation():
        page.get_by_role("button", name="生成文书").click()
    assert page.locator(".error-summary").inner_text().count("不能是负数") == 1
    assert_no_axe_violations(page, "letter form with an error")

    page.get_by_label("目前欠款总额（元）").fill("12000")
    with page.expect_navigation():
        page.get_by_role("button", name="生成文书").click()
    letter = page.locator("article.letter")
    assert letter.is_visible()
    assert "人民币12,000.00元" in letter.inner_text()
    assert letter.locator(".letter-table tbody tr").count() == 13  # 12 instalments and the total
    assert letter.locator(".blank").first.is_visible()
    assert horizontal_overflow(page) == 0
    assert_no_axe_violations(page, "filled letter")

    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-footer", ".letter-notes", ".letter-form", ".breadcrumb"):
        assert not page.locator(chrome).is_visible(), chrome
    assert (
        letter.is_visible() and letter.locator("h1").inner_text() == "协商还款（个性化分期）申请书"
    )
    assert (
        letter.locator(".blank").first.evaluate("el => getComputedStyle(el).borderBottomStyle")
        == "solid"
    )  # blanks stay marked on paper
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")

    page.emulate_media(media="screen")
    download_link = page.get_by_role("link", name="下载 Word 文件（.docx）")
    with page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename == "repayment-plan.docx"
