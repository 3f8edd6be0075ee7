"""The legal findings: the four-times-LPR line at its boundaries, 砍头息, licensed lenders."""

from datetime import date
from decimal import Decimal

import pytest

from kb.rates.assess import assess
from kb.rates.calc import LoanInput, calculate
from kb.rates.lpr import LprPoint, LprTable

LPR_300 = LprPoint(date(2025, 5, 20), Decimal("3.00"), date(2026, 2, 24))


def run(payment="100", received="10000", day=date(2025, 6, 1), lpr=LPR_300, fees="0"):
    loan = LoanInput(
        amount=Decimal("10000"),
        received=Decimal(received),
        date=day,
        plan="bullet",
        n=12,
        payment=Decimal(payment),
        fees=Decimal(fees),
    )
    return assess(loan, calculate(loan), LprTable((lpr,) if lpr else ()))


def keys(assessment):
    return [f.key for f in assessment.findings]


@pytest.mark.parametrize(
    "payment, apr, exceeds, key",
    [
        ("99.9", "11.99", False, "within-cap"),
        ("100", "12.00", False, "within-cap"),
        ("100.1", "12.01", True, "above-cap"),
    ],
)
def test_it_compares_the_rate_with_four_times_lpr_at_the_boundary(payment, apr, exceeds, key):
    result = run(payment)
    assert result.cap == Decimal("12.00")
    assert result.apr == Decimal(apr)
    assert result.exceeds_cap is exceeds
    assert keys(result)[0] == key
    assert "2025年5月20日" in result.findings[0].text
    assert ("《民间借贷规定》第二十五条", "/laws/minjian-jiedai/25/") in result.findings[0].links


def test_it_flags_interest_deducted_in_advance_and_quotes_article_670():
    result = run(received="8000")
    finding = next(f for f in result.findings if f.key == "interest-deducted")
    assert "2,000.00 元" in finding.title
    assert "应当按照实际借款数额返还借款并计算利息" in finding.text
    assert finding.links == (("《民法典》第六百七十条", "/laws/minfadian/670/"),)
    assert result.exceeds_cap is True


def test_it_does_not_mention_deductions_when_the_full_amount_arrived():
    assert "interest-deducted" not in keys(run())


def test_it_always_warns_that_licensed_lenders_may_fall_outside_the_rule():
    finding = next(f for f in run().findings if f.key == "licensed-lenders")
    assert "小额贷款公司" in finding.text and "不适用新民间借贷司法解释" in finding.text
    assert ("法释〔2020〕27号 批复", "/laws/pifu-2020-27/") in finding.links
    assert "24%" not in finding.text and "36%" not in finding.text


def test_it_explains_the_missing_lpr_before_the_2019_reform():
    result = run(day=date(2019, 8, 19), lpr=None)
    assert result.cap is None and result.exceeds_cap is None
    assert keys(result)[:2] == ["transition", "no-lpr"]
    assert "2019年8月20日" in result.findings[1].text


def test_it_points_to_the_transition_rule_for_contracts_before_2020_08_20():
    result = run(day=date(2020, 5, 1), lpr=LprPoint(date(2020, 4, 20), Decimal("3.85")))
    assert result.cap == Decimal("15.40")
    assert "transition" in keys(result)


def test_it_warns_when_the_contract_is_newer_than_the_checked_lpr_data():
    assert "lpr-stale" in keys(run(day=date(2026, 6, 1)))
    assert "lpr-stale" not in keys(run(day=date(2026, 2, 24)))


def test_it_mentions_fees_when_there_are_any():
    assert "fees" in keys(run(fees="50"))
    assert "fees" not in keys(run())


def test_it_never_promises_an_outcome():
    for result in (run(), run(payment="500", received="8000")):
        text = "".join(f.text for f in result.findings)
        for promise in ("一定", "肯定", "保证", "必然"):
            assert promise not in text


@pytest.mark.parametrize("day, expected", [(date(2020, 8, 19), True), (date(2020, 8, 20), False)])
def test_it_points_to_the_transition_rule_up_to_the_day_before_2020_08_20(day, expected):
    result = run(day=day, lpr=LprPoint(date(2020, 4, 20), Decimal("3.85")))
    assert ("transition" in keys(result)) is expected


def test_it_warns_about_stale_lpr_data_from_the_day_after_the_check():
    assert "lpr-stale" in keys(run(day=date(2026, 2, 25)))


@pytest.mark.parametrize("received, expected", [("10000", False), ("9999.99", True)])
def test_it_flags_a_deduction_of_even_one_cent(received, expected):
    assert ("interest-deducted" in keys(run(received=received))) is expected


def test_it_names_the_line_after_the_multiple_in_the_table():
    loan = LoanInput(
        amount=Decimal("10000"),
        received=Decimal("10000"),
        date=date(2025, 6, 1),
        plan="bullet",
        n=12,
        payment=Decimal("100"),
    )
    result = assess(loan, calculate(loan), LprTable((LPR_300,)), Decimal("3"))
    assert result.cap == Decimal("9.00") and result.cap_label == "3 倍 LPR"
    assert result.findings[0].title == "年化约 12.00%，高于民间借贷的 3 倍 LPR（9.00%）"
    assert run().cap_label == "四倍 LPR"


def test_it_says_which_definition_of_lpr_starts_on_2019_08_20():
    result = run(day=date(2019, 8, 19), lpr=None)
    text = next(f.text for f in result.findings if f.key == "no-lpr")
    assert "自 2019年8月20日起每月发布" in text and "第二十五条第二款" in text
    assert result.lpr_missing == "无（借款日期早于 2019年8月20日）"


def test_it_does_not_blame_the_date_when_the_lpr_table_has_no_row():
    result = run(day=date(2024, 1, 1), lpr=None)
    assert keys(result)[0] == "no-lpr-data"
    assert "早于" not in result.findings[0].title
    assert result.lpr_missing == "本站没有这一日期的数据" and result.exceeds_cap is None
