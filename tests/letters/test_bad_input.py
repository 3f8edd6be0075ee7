"""Bad input, one case each: 400, the form again with its Chinese message, never a 500."""

import pytest

from tests.letters.answers import CIVIL_DEFENCE, CREDIT_OBJECTION, REPAYMENT_PLAN, STOP_HARASSMENT
from tests.letters.conftest import letter_url

CASES = {
    "missing-name": ("credit-objection", CREDIT_OBJECTION, {"name": ""}, "请填写你的姓名。"),
    "missing-record": (
        "credit-objection",
        CREDIT_OBJECTION,
        {"record": "  "},
        "请填写有异议的记录。",
    ),
    "impossible-date": (
        "credit-objection",
        CREDIT_OBJECTION,
        {"date": "2025-02-30"},
        "落款日期不是一个存在的日期",
    ),
    "date-not-a-date": ("civil-defence", CIVIL_DEFENCE, {"served": "上周三"}, "不是一个存在的日期"),
    "date-too-early": (
        "civil-defence",
        CIVIL_DEFENCE,
        {"served": "1900-01-01"},
        "不能早于 1980-01-01",
    ),
    "negative-balance": ("repayment-plan", REPAYMENT_PLAN, {"balance": "-100"}, "不能是负数"),
    "negative-received": ("civil-defence", CIVIL_DEFENCE, {"received": "-1"}, "不能是负数"),
    "balance-not-a-number": ("repayment-plan", REPAYMENT_PLAN, {"balance": "一万"}, "需要是数字"),
    "too-much-money": (
        "repayment-plan",
        REPAYMENT_PLAN,
        {"balance": "2000000000"},
        "不能超过 10 亿元",
    ),
    "fractions-of-a-fen": ("repayment-plan", REPAYMENT_PLAN, {"balance": "10.001"}, "两位小数"),
    "zero-months": ("repayment-plan", REPAYMENT_PLAN, {"months": "0"}, "期数至少是 1 期。"),
    "too-many-months": ("repayment-plan", REPAYMENT_PLAN, {"months": "601"}, "期数不能超过 600 期"),
    "negative-rate": (
        "repayment-plan",
        REPAYMENT_PLAN,
        {"annual_rate": "-1"},
        "年利率不能是负数。",
    ),
    "too-high-rate": ("repayment-plan", REPAYMENT_PLAN, {"annual_rate": "101"}, "不能超过 100%。"),
    "huge-rate": ("repayment-plan", REPAYMENT_PLAN, {"annual_rate": "1e9"}, "不能超过 100%。"),
    "huge-balance": ("repayment-plan", REPAYMENT_PLAN, {"balance": "1e30"}, "不能超过 10 亿元"),
    "plan-below-a-fen": (
        "repayment-plan",
        REPAYMENT_PLAN,
        {"balance": "0.05", "months": "600", "annual_rate": ""},
        "每期金额不足 1 分钱",
    ),
    "too-long-reason": (
        "credit-objection",
        CREDIT_OBJECTION,
        {"reason": "错" * 1001},
        "最多 1000 个字",
    ),
    "too-long-conduct": (
        "stop-harassment",
        STOP_HARASSMENT,
        {"conduct": "打" * 3001},
        "最多 3000 个字",
    ),
    "too-long-name": ("stop-harassment", STOP_HARASSMENT, {"name": "名" * 41}, "最多 40 个字"),
    "unknown-defence": ("civil-defence", CIVIL_DEFENCE, {"clauses": "bribe"}, "不是可选的理由"),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_it_answers_400_with_the_message(client, letters, case):
    kind, answers, change, message = case
    response = client.get(letter_url(kind, {**answers, **change}))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="notice error-summary"' in html and 'aria-invalid="true"' in html
    assert 'class="letter"' not in html  # no letter from bad input
    assert "private" in response["Cache-Control"]


def test_an_unknown_kind_is_a_404(client, letters):
    assert client.get("/letters/no-such-letter/").status_code == 404
    assert client.get("/letters/no-such-letter.docx?go=1").status_code == 404


def test_a_draft_letter_is_a_404_for_readers(client, letters):
    letters["credit-objection"].status = "draft"
    letters["credit-objection"].save()
    assert client.get("/letters/credit-objection/").status_code == 404
    assert "征信异议申请书" not in client.get("/letters/").content.decode()


def test_staff_preview_a_draft_privately(staff_client, letters):
    letters["credit-objection"].status = "review"
    letters["credit-objection"].save()
    response = staff_client.get("/letters/credit-objection/")
    assert response.status_code == 200
    assert "预览：这份文书尚未发布（待审核）" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_blank_form_and_a_prefilled_form_are_not_errors(client, letters):
    assert client.get("/letters/civil-defence/").status_code == 200
    response = client.get("/letters/stop-harassment/?third_parties=on&regulator=某局&x=1")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="某局"' in html and "checked" in html
    assert "error-summary" not in html
