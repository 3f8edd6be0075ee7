"""The checker's GET parameters read by a Django form into a LoanInput, one Chinese message per
bad field. Full-width digits and separators typed on Chinese keyboards are made ASCII first."""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import partial

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from kb.rates.calc import LoanInput, NoSolution, RateResult, add_months, calculate

PLANS = {
    "equal": "等额本息（每月还相同金额）",
    "bullet": "先息后本（每月付息，最后还本）",
    "custom": "自定义还款明细",
}
MAX_MONEY = Decimal("1000000000")  # 10 亿元
MAX_MONTHS = 600  # 50 years
MIN_DATE, MAX_DATE = date(1980, 1, 1), date(2099, 12, 31)
CENT = Decimal("0.01")
CHOOSE_PLAN = "请选择还款方式：等额本息、先息后本或自定义还款明细。"


@dataclass(frozen=True)
class Checked:
    values: dict[str, str]  # the cleaned raw strings, to refill the form and build the permalink
    errors: dict[str, str]
    loan: LoanInput | None = None
    result: RateResult | None = None
    sued: date | None = None  # optional: when the lender sued (or will sue)

    @property
    def submitted(self) -> bool:
        return any(self.values.values())


def parse_money(raw: str, label: str, *, allow_zero: bool = False) -> Decimal:
    try:
        value = Decimal(raw.replace(",", "").replace("元", "").strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise ValidationError(f"{label}需要是数字，例如 10000 或 10000.50。")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(f"{label}不能是负数。" if value < 0 else f"{label}必须大于 0。")
    if value > MAX_MONEY:
        raise ValidationError(f"{label}不能超过 10 亿元。")
    if value != value.quantize(CENT):
        raise ValidationError(f"{label}最多保留两位小数（精确到分）。")
    return value.quantize(CENT)


def parse_date(raw: str, label: str) -> date:
    try:
        value = datetime.strptime(raw.replace("/", "-").replace(".", "-"), "%Y-%m-%d").date()
    except ValueError:
        raise ValidationError(f"{label}的格式应为 年-月-日，例如 2024-03-15。") from None
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValidationError(f"{label}需要在 {MIN_DATE} 到 {MAX_DATE} 之间。")
    return value


def parse_count(raw: str, label: str) -> int:
    if not re.fullmatch(r"\d{1,4}", raw) or not 1 <= int(raw) <= MAX_MONTHS:
        raise ValidationError(f"{label}需要是 1 到 {MAX_MONTHS} 之间的整数（按月计，最长 50 年）。")
    return int(raw)


def parse_payments(raw: str, start: date | None) -> tuple[tuple[date, Decimal], ...]:
    items = [item for item in re.split(r"[,;、\s]+", raw) if item]
    if not items:
        raise ValidationError("请填写还款明细，格式为 年-月-日:金额，多笔之间用逗号分隔。")
    if len(items) > MAX_MONTHS:
        raise ValidationError(f"还款明细最多 {MAX_MONTHS} 笔，你填了 {len(items)} 笔。")
    out: list[tuple[date, Decimal]] = []
    for i, item in enumerate(items, 1):
        when_raw, colon, amount_raw = item.partition(":")
        if not colon:
            raise ValidationError(
                f"第 {i} 笔还款“{item[:30]}”格式不对：应为 年-月-日:金额，例如 2024-04-15:1000。"
            )
        when = parse_date(when_raw, f"第 {i} 笔还款的日期")
        amount = parse_money(amount_raw, f"第 {i} 笔还款的金额")
        if start and when <= start:
            raise ValidationError(
                f"第 {i} 笔还款的日期（{when}）不晚于借款日期（{start}）；还款日期必须在借款日期之后。"
            )
        if start and when > add_months(start, MAX_MONTHS):
            raise ValidationError(f"第 {i} 笔还款的日期（{when}）距借款日期超过 50 年。")
        if out and when < out[-1][0]:
            raise ValidationError(
                f"第 {i} 笔还款的日期（{when}）早于第 {i - 1} 笔（{out[-1][0]}）；请按时间先后填写。"
            )
        out.append((when, amount))
    return tuple(out)


money_or_zero = partial(parse_money, allow_zero=True)


class Raw(forms.Field):
    """One of the checker's text fields: required or not, at most `max_length` characters, then
    turned into a value by `parse(text, label)` (None, or `empty`, when left blank)."""

    def __init__(self, label, parse=None, *, required=True, max_length=40, empty=None):
        super().__init__(
            label=label,
            required=required,
            error_messages={"required": f"请填写{label}。"},
            validators=[MaxLengthValidator(max_length, f"{label}的内容过长。")],
        )
        self.parse, self.empty = parse, empty

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return self.empty
        return self.parse(value, self.label) if self.parse else value


class RateForm(forms.Form):
    """Fields are cleaned in this order, so `date` and `plan` are known when `n`, `payment`,
    `payments` and `sued` are read; the plan decides which of `n`, `payment`, `payments` exist."""

    amount = Raw("合同借款金额", parse_money)
    received = Raw("实际到手金额", parse_money)
    date = Raw("借款日期", parse_date)
    plan = forms.ChoiceField(
        choices=PLANS, error_messages=dict.fromkeys(["required", "invalid_choice"], CHOOSE_PLAN)
    )
    n = Raw("期数", parse_count)
    payment = Raw("每期还款金额", parse_money)
    payments = Raw("还款明细", max_length=20000)  # parsed in clean_payments, which knows the date
    fees = Raw("前期费用", money_or_zero, required=False, empty=Decimal(0))
    sued = Raw("起诉日期", parse_date, required=False)

    def __init__(self, data: Mapping[str, str]):
        super().__init__(data)
        plan = data.get("plan")
        if plan != "custom":
            del self.fields["payments"]
        if plan not in ("equal", "bullet"):
            del self.fields["n"], self.fields["payment"]
        elif plan == "bullet":  # interest only, which may be 0; still 请填写每期还款金额 when blank
            self.fields["payment"].label, self.fields["payment"].parse = "每月利息", money_or_zero

    def clean_payments(self):
        return parse_payments(self.cleaned_data["payments"], self.cleaned_data.get("date"))

    def clean_sued(self):
        sued, start = self.cleaned_data["sued"], self.cleaned_data.get("date")
        if sued and start and sued < start:
            raise ValidationError(
                f"起诉日期（{sued}）早于借款日期（{start}）；起诉只能在借款之后。"
            )
        return sued

    def clean(self):
        data = super().clean()
        amount, received = data.get("amount"), data.get("received")
        if amount and received and received > amount:
            self.add_error("received", "实际到手金额不能大于合同借款金额。")
        if received and data.get("fees", 0) >= received:
            self.add_error("fees", "前期费用必须小于实际到手金额。")
        return data


FIELDS = tuple(RateForm.base_fields)


def check(params: Mapping[str, str]) -> Checked:
    """Validate and compute; every failure is a {field: Chinese message}, never an exception.
    `params` is any mapping of str → str (a QueryDict works); unknown parameters are ignored."""
    values = {
        name: unicodedata.normalize("NFKC", params.get(name) or "").strip() for name in FIELDS
    }
    form = RateForm(values)
    if not form.is_valid():  # {field: its first message}, in the order of the fields
        return Checked(values, {k: form.errors[k][0] for k in form.fields if k in form.errors})
    sued = form.cleaned_data.pop("sued")
    loan = LoanInput(**form.cleaned_data)
    try:
        return Checked(values, {}, loan, calculate(loan), sued)
    except NoSolution as exc:
        return Checked(values, {exc.field: exc.message}, loan, sued=sued)
