"""Every kind of bad input becomes a Chinese message on the right field, never an exception."""

from datetime import date
from decimal import Decimal

import pytest
from django import forms

from kb.rates.inputs import RateForm, check

GOOD = {
    "amount": "10000",
    "received": "10000",
    "date": "2024-03-15",
    "plan": "equal",
    "n": "12",
    "payment": "1000",
}

BAD = [
    ({"amount": "-100"}, "amount", "不能是负数"),
    ({"amount": "0"}, "amount", "必须大于 0"),
    ({"amount": "abc"}, "amount", "需要是数字"),
    ({"amount": "NaN"}, "amount", "需要是数字"),
    ({"amount": "Infinity"}, "amount", "需要是数字"),
    ({"amount": "1e12", "received": "1000"}, "amount", "不能超过 10 亿元"),
    ({"amount": "100.123"}, "amount", "两位小数"),
    ({"amount": "1" * 60}, "amount", "过长"),
    ({"amount": ""}, "amount", "请填写合同借款金额"),
    ({"received": "12000"}, "received", "不能大于合同借款金额"),
    ({"received": "-1"}, "received", "不能是负数"),
    ({"fees": "-5"}, "fees", "不能是负数"),
    ({"fees": "10000"}, "fees", "必须小于实际到手金额"),
    ({"date": "2024-02-30"}, "date", "格式"),
    ({"date": "15/03/2024"}, "date", "格式"),
    ({"date": "1900-01-01"}, "date", "之间"),
    ({"date": ""}, "date", "请填写借款日期"),
    ({"plan": "weekly"}, "plan", "请选择还款方式"),
    ({"plan": ""}, "plan", "请选择还款方式"),
    ({"n": "0"}, "n", "1 到 600"),
    ({"n": "601"}, "n", "1 到 600"),
    ({"n": "1.5"}, "n", "1 到 600"),
    ({"n": "-3"}, "n", "1 到 600"),
    ({"n": ""}, "n", "请填写期数"),
    ({"payment": "0"}, "payment", "必须大于 0"),
    ({"payment": "2e9"}, "payment", "不能超过 10 亿元"),
    ({"payment": ""}, "payment", "请填写每期还款金额"),
    ({"payment": "10"}, "payment", "少于"),
    ({"plan": "bullet", "payment": "-1"}, "payment", "每月利息不能是负数"),
    ({"plan": "custom", "payments": ""}, "payments", "请填写还款明细"),
    ({"plan": "custom", "payments": "2024-04-15"}, "payments", "格式不对"),
    ({"plan": "custom", "payments": "2024-04-15:abc"}, "payments", "第 1 笔还款的金额需要是数字"),
    (
        {"plan": "custom", "payments": "2024-04-15:1000,2024-13-01:5"},
        "payments",
        "第 2 笔还款的日期",
    ),
    ({"plan": "custom", "payments": "2024-03-01:11000"}, "payments", "必须在借款日期之后"),
    ({"plan": "custom", "payments": "2024-03-15:11000"}, "payments", "必须在借款日期之后"),
    (
        {"plan": "custom", "payments": "2024-06-15:6000,2024-05-15:6000"},
        "payments",
        "请按时间先后填写",
    ),
    ({"plan": "custom", "payments": ",".join(["2024-04-15:20"] * 601)}, "payments", "最多 600 笔"),
    ({"plan": "custom", "payments": "2080-04-15:20000"}, "payments", "超过 50 年"),
    ({"plan": "custom", "payments": "2024-04-15:100"}, "payments", "少于"),
    ({"plan": "custom", "payments": "x" * 20001}, "payments", "过长"),
    ({"sued": "2024-03-14"}, "sued", "起诉日期（2024-03-14）早于借款日期（2024-03-15）"),
    ({"sued": "2024-02-30"}, "sued", "起诉日期的格式应为 年-月-日"),
    ({"sued": "2" * 41}, "sued", "起诉日期的内容过长"),
]


@pytest.mark.parametrize("change, field, message", BAD)
def test_it_reports_bad_input_on_its_field(change, field, message):
    checked = check({**GOOD, **change})
    assert checked.result is None
    assert message in checked.errors[field]


def test_it_reports_every_bad_field_at_once():
    checked = check({"amount": "x", "received": "-1", "date": "soon", "plan": "?"})
    assert set(checked.errors) == {"amount", "received", "date", "plan"}


def test_it_accepts_what_chinese_keyboards_type():
    checked = check({**GOOD, "amount": "１０，０００元", "received": "10,000", "date": "2024/3/15"})
    assert checked.errors == {}
    assert checked.loan.amount == Decimal("10000") and checked.loan.date == date(2024, 3, 15)


def test_it_reads_custom_payments_with_full_width_colons_and_newlines():
    checked = check({**GOOD, "plan": "custom", "payments": "2024-04-15：5000\n2024-05-15:5100，"})
    assert checked.errors == {}
    assert checked.loan.payments == (
        (date(2024, 4, 15), Decimal("5000")),
        (date(2024, 5, 15), Decimal("5100")),
    )


def test_it_ignores_fields_the_plan_does_not_use():
    checked = check({**GOOD, "plan": "custom", "n": "nonsense", "payments": "2025-03-15:11000"})
    assert checked.errors == {}


def test_it_treats_an_empty_query_as_not_submitted():
    assert not check({}).submitted


def test_it_validates_with_a_django_form_whose_messages_are_chinese():
    assert issubclass(RateForm, forms.Form)
    assert check({**GOOD, "amount": "abc", "n": ""}).errors == {
        "amount": "合同借款金额需要是数字，例如 10000 或 10000.50。",
        "n": "请填写期数。",
    }


def test_it_reads_the_optional_suit_date():
    assert check(GOOD).sued is None
    checked = check({**GOOD, "sued": "２０２５-１-８"})
    assert checked.sued == date(2025, 1, 8) and checked.result is not None
    assert checked.values["sued"] == "2025-1-8"
