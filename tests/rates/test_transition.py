"""Contracts before 2020-08-20: the two periods of 《民间借贷规定》第三十一条第二款 are the headline,
the period from 2020-08-20 measured at the suit date, and no figure implied beyond the date the
LPR table was checked."""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from kb.rates.assess import assess
from kb.rates.calc import LoanInput, calculate
from kb.rates.lpr import LprPoint, LprTable
from tests.rates.requests import GOOD, api, page

TABLE = LprTable(
    (
        LprPoint(date(2019, 8, 20), Decimal("4.25")),
        LprPoint(date(2020, 4, 20), Decimal("3.85")),
        LprPoint(date(2025, 5, 20), Decimal("3.00"), date(2026, 2, 24)),
    )
)
OLD = {**GOOD, "date": "2020-05-01"}


def run(day=date(2020, 5, 1), sued=None, payment="100"):
    loan = LoanInput(Decimal("10000"), Decimal("10000"), day, "bullet", 12, Decimal(payment))
    return assess(loan, calculate(loan), TABLE, Decimal("4"), sued)


def paragraph_31_2() -> str:
    law = (Path(settings.BASE_DIR) / "fixtures/statutes/laws/minjian-jiedai.md").read_text()
    article = law[law.index("第三十一条 ") :]
    return article.split("\n\n")[1]


def test_it_heads_the_result_with_both_periods_quoting_the_paragraph_verbatim():
    result = run()
    headline = result.findings[0]
    assert (headline.key, headline.level) == ("transition", "warn")
    assert f"“{paragraph_31_2()}”" in headline.text
    assert "按当时的司法解释计算" in headline.text and "不给出数字" in headline.text
    assert ("《民间借贷规定》第三十一条", "/laws/minjian-jiedai/31/") in headline.links
    assert not {"above-cap", "within-cap"} & {f.key for f in result.findings}
    assert not re.search(r"24%|36%|二十四|三十六", headline.text)


def test_it_measures_the_period_from_2020_08_20_at_the_latest_lpr_when_no_suit_date():
    split = run(payment="130").split
    assert (split.basis, split.lpr.published, split.cap) == ("latest", date(2025, 5, 20), 12)
    assert split.exceeds is True
    text = run(payment="130").findings[0].text
    assert "你没有填写起诉日期" in text
    assert "如果在 2025年5月20日 到 2026年2月24日 之间起诉" in text
    assert "2026年2月24日之后的报价本站还没有核对" in text


def test_it_uses_the_lpr_in_force_on_the_suit_date():
    result = run(sued=date(2021, 3, 1), payment="120")
    split = result.split
    assert (split.basis, split.cap, split.exceeds) == ("sued", Decimal("15.40"), False)
    assert "你填写的起诉日期是 2021年3月1日" in result.findings[0].text
    assert "没有超过这一数值" in result.findings[0].text


def test_it_does_not_imply_a_rate_after_the_table_was_checked():
    text = run(sued=date(2026, 6, 1)).findings[0].text
    assert "本站的 LPR 数据只核对到 2026年2月24日，你填写的起诉日期在此之后" in text


def test_it_gives_no_figure_for_a_suit_before_2020_08_20():
    result = run(sued=date(2020, 7, 1))
    assert result.split.cap is None and result.split.exceeds is None
    assert "早于 2020年8月20日" in result.findings[0].text


def test_it_leaves_later_contracts_to_the_contract_date_rule():
    result = run(day=date(2020, 8, 20))
    assert result.split is None and result.findings[0].key == "within-cap"


def test_it_shows_both_periods_on_the_page(client, rates_data, django_assert_num_queries):
    with django_assert_num_queries(3):  # +1: the page cache's content version
        response = page(client, **OLD)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<dt>2020年8月19日前的利息</dt>" in html and "<dt>2020年8月20日起的利息</dt>" in html
    assert "起诉时的四倍 LPR：<strong>12.00%</strong>" in html
    assert "借款日期的一年期 LPR（仅供参考）" in html
    assert html.index("利息分两段计算") < html.index("出借方是持牌机构时")
    assert 'name="sued"' in html
    sued = page(client, **OLD, sued="2021-03-01").content.decode()
    assert "按你填写的起诉日期 2021年3月1日" in sued and "15.40%" in sued


def test_it_adds_the_periods_to_the_api_without_changing_its_fields(client, rates_data):
    data = api(client, **OLD, sued="2021-03-01").json()
    assert (data["lpr"], data["lpr_date"], data["cap_private"]) == (3.85, "2020-04-20", 15.4)
    assert data["sued"] == "2021-03-01" and data["lpr_confirmed_through"] == "2026-02-24"
    assert data["split_2020_08_20"] == {
        "until_2020_08_19": "当时的司法解释（本站未收录其原文，不给出数值）",
        "from_2020_08_20_basis": "sued",
        "lpr": 3.85,
        "lpr_date": "2020-04-20",
        "cap_private": 15.4,
        "exceeds_cap_private": False,
    }
    assert data["findings"][0]["key"] == "transition"
    assert api(client, **GOOD).json()["split_2020_08_20"] is None


@pytest.mark.parametrize("params", [GOOD, {}])
def test_it_states_how_far_the_lpr_table_was_checked(client, rates_data, params):
    html = page(client, **params).content.decode()
    assert '本站 LPR 数据核对至 <time datetime="2026-02-24">2026年2月24日</time>' in html
    assert "此后公布的报价本站尚未核对" in html


def test_it_never_calls_a_rate_unchanged_after_the_checked_date(client, rates_data):
    later = page(client, **{**GOOD, "date": "2026-06-01"}).content.decode()
    assert "本站数据只核对到 2026年2月24日，此后是否有新的报价没有核对" in later
    assert "此后到借款日期没有变化" not in later
    earlier = page(client, **GOOD).content.decode()
    assert "据本站核对的数据，此后到借款日期没有变化" in earlier


def test_it_dates_the_lpr_figures_on_an_article_that_speaks_of_lpr(
    client, rates_data, make_article
):
    about = make_article(body="一年期 LPR 的四倍是民间借贷的利率上限。")
    other = make_article(body="逾期后要尽快联系平台。")
    html = client.get(about.get_absolute_url()).content.decode()
    assert '本站 LPR 数据核对至 <time datetime="2026-02-24">2026年2月24日</time>' in html
    assert "本站 LPR 数据核对至" not in client.get(other.get_absolute_url()).content.decode()
