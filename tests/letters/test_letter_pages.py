"""Each kind: a filled form gives the letter, every value in its place, the law quoted verbatim,
dates and amounts right (worked out here independently)."""

import datetime
import re

from django.utils.html import escape

from kb.letters.models import Letter
from tests.letters.answers import (
    ALL,
    CIVIL_DEFENCE,
    CREDIT_OBJECTION,
    REPAYMENT_PLAN,
    STOP_HARASSMENT,
)
from tests.letters.conftest import letter_url
from tests.letters.letter_text import html_letter


def page(client, kind, params):
    response = client.get(letter_url(kind, params))
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.content.decode()


def cn(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def assert_provisions_quoted(html: str, letter: Letter, extra=()):
    paragraphs, _, links = html_letter(html)
    for provision in [*letter.provisions.all(), *extra]:
        assert provision.get_absolute_url() in links
        assert f"《{provision.law.short_title}》{provision.label}" in paragraphs
        for text in provision.text.split("\n"):
            if text.strip():
                assert text.strip() in paragraphs, text


def test_it_fills_the_credit_objection(client, letters):
    html = page(client, "credit-objection", CREDIT_OBJECTION)
    paragraphs, _, _ = html_letter(html)
    a = CREDIT_OBJECTION
    assert paragraphs[0] == "征信异议申请书"
    assert f"致：{a['recipient']}" in paragraphs
    assert f"申请人：{a['name']}" in paragraphs
    assert f"联系电话：{a['phone']}" in paragraphs
    following = {paragraphs[i - 1]: paragraphs[i] for i in range(1, len(paragraphs))}
    assert following["有异议的信息"] == a["record"]
    assert following["异议理由"] == a["reason"]
    assert following["申请事项"] == a["request"]
    assert following["证明材料"] == a["evidence"]
    assert "2025年1月10日" in paragraphs
    assert "身份证号码：【待填：身份证号码】" in paragraphs
    assert '<span class="blank">【待填：签名】</span>' in html
    # 20 days from the date on the letter: 10 January + 20 days.
    due = datetime.date(2025, 1, 10) + datetime.timedelta(days=20)
    assert due == datetime.date(2025, 1, 30)
    assert f"20 日届满是 {cn(due)}" in html
    # The letter's own mention of the provision links to its page, like the quote at the end.
    assert '依照<a class="citation" href="/laws/zhengxin-tiaoli/25/">' in html
    assert_provisions_quoted(html, letters["credit-objection"])


def test_it_fills_the_stop_harassment_notice_with_the_third_party_paragraph(client, letters):
    html = page(client, "stop-harassment", STOP_HARASSMENT)
    paragraphs, _, _ = html_letter(html)
    a = STOP_HARASSMENT
    assert f"致：{a['recipient']}" in paragraphs
    assert f"告知人：{a['name']}" in paragraphs
    assert f"借款信息：{a['account']}" in paragraphs
    assert a["conduct"] in paragraphs
    third = [p for p in paragraphs if p.startswith("此外，")]
    assert third and third[0].endswith(a["third_party_detail"])
    assert any(f"将向{a['regulator']}投诉" in p for p in paragraphs)
    clause = letters["stop-harassment"].clauses.get()
    assert_provisions_quoted(html, letters["stop-harassment"], clause.provisions.all())


def test_it_leaves_the_third_party_paragraph_out_when_not_ticked(client, letters):
    answers = {k: v for k, v in STOP_HARASSMENT.items() if k != "third_parties"}
    paragraphs, _, _ = html_letter(page(client, "stop-harassment", answers))
    assert not [p for p in paragraphs if p.startswith("此外，")]


def test_it_computes_the_repayment_plan(client, letters):
    html = page(client, "repayment-plan", REPAYMENT_PLAN)
    paragraphs, rows, _ = html_letter(html)
    # Annuity at 6 % a year (0.5 % a month) on 12,000 over 12 months, worked out by hand.
    r, n, balance = 0.005, 12, 12000
    exact = balance * r / (1 - (1 + r) ** -n)
    instalment = round(exact + 1e-9, 2)
    total = round(exact * n + 1e-9, 2)
    last = round(total - instalment * (n - 1), 2)
    assert (instalment, total) == (1032.80, 12393.57)
    assert f"每期还款{instalment:,.2f}元" in "".join(paragraphs)
    assert f"合计还款{total:,.2f}元" in "".join(paragraphs)
    assert rows[0] == ["期数", "还款日", "金额（元）"]
    dues = ["2025年1月31日", "2025年2月28日", "2025年3月31日", "2025年4月30日"]
    assert [row[1] for row in rows[1:5]] == dues
    assert rows[12] == ["第 12 期", "2025年12月31日", f"{last:,.2f}"]
    assert all(row[2] == f"{instalment:,.2f}" for row in rows[1:12])
    assert rows[13] == ["合计", "", f"{total:,.2f}"]
    assert f"人民币{balance:,.2f}元" in "".join(paragraphs)
    assert REPAYMENT_PLAN["income"] in paragraphs and REPAYMENT_PLAN["hardship"] in paragraphs
    apr = float(re.search(r"年化利率约 ([\d.]+)%", html).group(1))
    assert 5.9 < apr < 6.1  # the calculator's rate on the actual dates: close to the 6 % asked
    assert_provisions_quoted(html, letters["repayment-plan"])


def test_it_splits_a_plan_without_interest_evenly(client, letters):
    html = page(client, "repayment-plan", {**REPAYMENT_PLAN, "annual_rate": "", "months": "3"})
    _, rows, _ = html_letter(html)
    assert [row[2] for row in rows[1:]] == ["4,000.00", "4,000.00", "4,000.00", "12,000.00"]


def test_it_writes_each_chosen_defence_with_its_provisions(client, letters):
    chosen = ["deducted-interest", "partial-repayment"]
    params = [*CIVIL_DEFENCE.items(), *(("clauses", key) for key in chosen)]
    html = page(client, "civil-defence", params)
    paragraphs, _, _ = html_letter(html)
    a = CIVIL_DEFENCE
    assert paragraphs[0] == "民事答辩状"
    assert paragraphs[1].startswith(f"答辩人：{a['name']}，性别：【待填：性别】")
    assert f"被答辩人（原告）：{a['plaintiff']}" in paragraphs
    assert any(f"（案号：{a['case_number']}）" in p and "2025年3月20日" in p for p in paragraphs)
    assert a["facts"] in paragraphs
    assert a["court"] in paragraphs
    assert any("实际收到的借款为8,000.00元" in p for p in paragraphs)
    assert any("还款共计3,000.00元" in p for p in paragraphs)
    assert not any("诉讼时效" in p for p in paragraphs)  # not chosen
    clauses = letters["civil-defence"].clauses.filter(key__in=chosen)
    cited = [p for c in clauses for p in c.provisions.all()]
    assert "依据：《民法典》第六百七十条、《民间借贷规定》第二十六条" in paragraphs
    assert_provisions_quoted(html, letters["civil-defence"], cited)
    # 答辩期: 15 days from service, the day of service not counted.
    due = datetime.date(2025, 3, 20) + datetime.timedelta(days=15)
    assert due == datetime.date(2025, 4, 4)
    assert f"答辩期最后一日是 {cn(due)}" in html
    notes = html[html.index("letter-notes") : html.index('<article class="letter"')]
    assert 'href="/laws/minshi-susongfa/128/">《民事诉讼法》第一百二十八条</a>' in notes
    assert "被告应当在收到之日起十五日内提出答辩状" in html  # quoted in full


def test_every_defence_adds_its_own_paragraph(client, letters):
    plain = html_letter(page(client, "civil-defence", CIVIL_DEFENCE))[0]
    for clause in letters["civil-defence"].clauses.all():
        params = [*CIVIL_DEFENCE.items(), ("clauses", clause.key)]
        paragraphs = html_letter(page(client, "civil-defence", params))[0]
        added = [p for p in paragraphs if p not in plain]
        assert added, clause.key
        assert added[0].startswith(clause.text[:6]), clause.key


def test_the_reader_s_words_are_escaped(client, letters):
    html = page(
        client, "credit-objection", {**CREDIT_OBJECTION, "reason": "<b>x</b> [y](http://e.x)"}
    )
    assert "<b>x</b>" not in html
    assert escape("<b>x</b> [y](http://e.x)") in html


def test_every_kind_links_to_its_docx(client, letters):
    for kind, answers in ALL.items():
        html = page(client, kind, answers)
        assert f'href="/letters/{kind}.docx?' in html
