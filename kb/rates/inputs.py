"""Reading the checker's GET parameters into a LoanInput, with a Chinese message per bad field.

`RateForm` is a Django form over the raw strings (full-width digits and separators are made
ASCII first); its messages are the checker's own, one per field. `check(params)` takes any
mapping of str → str (a QueryDict works), validates it with the form and runs the maths, so
"no solution" becomes a field error like any other. Unknown parameters are ignored.
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms

from kb.rates.calc import PLANS, LoanInput, NoSolution, RateResult, add_months, calculate

FIELDS = ("amount", "received", "date", "plan", "n", "payment", "payments", "fees", "sued")
LABELS = {
    "amount": "合同借款金额",
    "received": "实际到手金额",
    "date": "借款日期",
    "plan": "还款方式",
    "n": "期数",
    "payment": "每期还款金额",
    "payments": "还款明细",
    "fees": "前期费用",
    "sued": "起诉日期",
}
MAX_MONEY = Decimal("1000000000")  # 10 亿元
MAX_MONTHS = 600  # 50 years
MAX_PAYMENTS = 600
MAX_LENGTH = {"payments": 20000}
MIN_DATE, MAX_DATE = date(1980, 1, 1), date(2099, 12, 31)
DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
SEPARATORS = re.compile(r"[,;、\s]+")


@dataclass(frozen=True)
class Checked:
    values: dict[str, str]  # the cleaned raw strings, to refill the form and build the permalink
    errors: dict[str, str] = field(default_factory=dict)
    loan: LoanInput | None = None
    result: RateResult | None = None
    sued: date | None = None  # optional: when the lender sued (or will sue)

    @property
    def submitted(self) -> bool:
        return any(self.values.values())


class FieldError(ValueError):
    pass


def _normalise(raw: str) -> str:
    # Full-width digits, commas and colons typed on Chinese keyboards become ASCII.
    return unicodedata.normalize("NFKC", raw).strip()


def parse_money(raw: str, label: str, *, allow_zero: bool = False) -> Decimal:
    text = raw.replace(",", "").replace("元", "").strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise FieldError(f"{label}需要是数字，例如 10000 或 10000.50。") from None
    if not value.is_finite():
        raise FieldError(f"{label}需要是数字，例如 10000 或 10000.50。")
    if value < 0 or (value == 0 and not allow_zero):
        raise FieldError(f"{label}不能是负数。" if value < 0 else f"{label}必须大于 0。")
    if value > MAX_MONEY:
        raise FieldError(f"{label}不能超过 10 亿元。")
    if value != value.quantize(Decimal("0.01")):
        raise FieldError(f"{label}最多保留两位小数（精确到分）。")
    return value.quantize(Decimal("0.01"))


def parse_date(raw: str, label: str) -> date:
    match = DATE_RE.match(raw.replace("/", "-").replace(".", "-"))
    try:
        if not match:
            raise ValueError
        value = date(*(int(part) for part in match.groups()))
    except ValueError:
        raise FieldError(f"{label}的格式应为 年-月-日，例如 2024-03-15。") from None
    if not MIN_DATE <= value <= MAX_DATE:
        raise FieldError(f"{label}需要在 {MIN_DATE} 到 {MAX_DATE} 之间。")
    return value


def parse_count(raw: str) -> int:
    if not re.fullmatch(r"\d{1,4}", raw) or not 1 <= int(raw) <= MAX_MONTHS:
        raise FieldError(f"期数需要是 1 到 {MAX_MONTHS} 之间的整数（按月计，最长 50 年）。")
    return int(raw)


def parse_payments(raw: str, start: date | None) -> tuple[tuple[date, Decimal], ...]:
    items = [item for item in SEPARATORS.split(raw) if item]
    if not items:
        raise FieldError("请填写还款明细，格式为 年-月-日:金额，多笔之间用逗号分隔。")
    if len(items) > MAX_PAYMENTS:
        raise FieldError(f"还款明细最多 {MAX_PAYMENTS} 笔，你填了 {len(items)} 笔。")
    out: list[tuple[date, Decimal]] = []
    for i, item in enumerate(items, 1):
        when_raw, colon, amount_raw = item.partition(":")
        if not colon:
            raise FieldError(
                f"第 {i} 笔还款“{item[:30]}”格式不对：应为 年-月-日:金额，例如 2024-04-15:1000。"
            )
        when = parse_date(when_raw, f"第 {i} 笔还款的日期")
        amount = parse_money(amount_raw, f"第 {i} 笔还款的金额")
        if start is not None and when <= start:
            raise FieldError(
                f"第 {i} 笔还款的日期（{when}）不晚于借款日期（{start}）；还款日期必须在借款日期之后。"
            )
        if start is not None and when > add_months(start, MAX_MONTHS):
            raise FieldError(f"第 {i} 笔还款的日期（{when}）距借款日期超过 50 年。")
        if out and when < out[-1][0]:
            raise FieldError(
                f"第 {i} 笔还款的日期（{when}）早于第 {i - 1} 笔（{out[-1][0]}）；请按时间先后填写。"
            )
        out.append((when, amount))
    return tuple(out)


def clean_values(params: Mapping[str, str]) -> dict[str, str]:
    values = {}
    for name in FIELDS:
        raw = params.get(name) or ""
        values[name] = _normalise(raw) if isinstance(raw, str) else ""
    return values


def _text_field(name: str, *, required: bool = True) -> forms.CharField:
    return forms.CharField(
        required=required,
        strip=False,  # clean_values has normalised and stripped the text
        error_messages={"required": f"请填写{LABELS[name]}。"},
    )


class RateForm(forms.Form):
    """The checker's fields as raw strings; each clean_* turns one into a value or a message.

    Fields are cleaned in this order, so `date` and `plan` are known when `payments`, `n` and
    `payment` are read. Which of those are needed depends on the plan: they are optional here
    and required in their clean_* methods."""

    amount = _text_field("amount")
    received = _text_field("received")
    date = _text_field("date")
    fees = _text_field("fees", required=False)
    plan = forms.ChoiceField(
        choices=[(p, p) for p in PLANS],
        error_messages={
            "required": "请选择还款方式：等额本息、先息后本或自定义还款明细。",
            "invalid_choice": "请选择还款方式：等额本息、先息后本或自定义还款明细。",
        },
    )
    payments = _text_field("payments", required=False)
    n = _text_field("n", required=False)
    payment = _text_field("payment", required=False)
    sued = _text_field("sued", required=False)

    def _read(self, name: str, parser, *, required: bool = True):
        raw = self.cleaned_data.get(name) or ""
        if len(raw) > MAX_LENGTH.get(name, 40):
            raise forms.ValidationError(f"{LABELS[name]}的内容过长。", code="max_length")
        if not raw:
            if required:
                raise forms.ValidationError(f"请填写{LABELS[name]}。", code="required")
            return None
        try:
            return parser(raw)
        except FieldError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from None

    def clean_amount(self):
        return self._read("amount", lambda raw: parse_money(raw, LABELS["amount"]))

    def clean_received(self):
        return self._read("received", lambda raw: parse_money(raw, LABELS["received"]))

    def clean_date(self):
        return self._read("date", lambda raw: parse_date(raw, LABELS["date"]))

    def clean_fees(self):
        fees = self._read(
            "fees", lambda raw: parse_money(raw, LABELS["fees"], allow_zero=True), required=False
        )
        return Decimal("0") if fees is None else fees

    def _plan_is(self, *plans: str) -> bool:
        return self.cleaned_data.get("plan") in plans

    def clean_payments(self):
        if not self._plan_is("custom"):
            return ()
        start = self.cleaned_data.get("date")
        return self._read("payments", lambda raw: parse_payments(raw, start))

    def clean_n(self):
        return self._read("n", parse_count) if self._plan_is("equal", "bullet") else None

    def clean_payment(self):
        if not self._plan_is("equal", "bullet"):
            return None
        bullet = self._plan_is("bullet")
        label = "每月利息" if bullet else LABELS["payment"]
        return self._read("payment", lambda raw: parse_money(raw, label, allow_zero=bullet))

    def clean_sued(self):
        sued = self._read("sued", lambda raw: parse_date(raw, LABELS["sued"]), required=False)
        start = self.cleaned_data.get("date")
        if sued is not None and start is not None and sued < start:
            raise forms.ValidationError(
                f"起诉日期（{sued}）早于借款日期（{start}）；起诉只能在借款之后。", code="invalid"
            )
        return sued

    def clean(self):
        data = super().clean()
        amount, received = data.get("amount"), data.get("received")
        fees = data.get("fees")  # None when the fees field has its own error
        if amount is not None and received is not None and received > amount:
            self.add_error("received", "实际到手金额不能大于合同借款金额。")
        if received is not None and fees is not None and fees >= received:
            self.add_error("fees", "前期费用必须小于实际到手金额。")
        return data

    def messages(self) -> dict[str, str]:
        """{field: its first message}, in the order of FIELDS."""
        return {name: self.errors[name][0] for name in FIELDS if name in self.errors}

    def loan(self) -> LoanInput:
        data = self.cleaned_data
        return LoanInput(
            amount=data["amount"],
            received=data["received"],
            date=data["date"],
            plan=data["plan"],
            n=data.get("n"),
            payment=data.get("payment"),
            payments=data.get("payments") or (),
            fees=data.get("fees", Decimal("0")),
        )


def parse(values: dict[str, str]) -> tuple[LoanInput | None, dict[str, str]]:
    """The loan, or {field: message} for every bad field."""
    form = RateForm(values)
    if not form.is_valid():
        return None, form.messages()
    return form.loan(), {}


def check(params: Mapping[str, str]) -> Checked:
    """Validate and compute; every failure is a {field: Chinese message}, never an exception."""
    values = clean_values(params)
    form = RateForm(values)
    if not form.is_valid():
        return Checked(values, form.messages())
    loan, sued = form.loan(), form.cleaned_data.get("sued")
    try:
        result = calculate(loan)
    except NoSolution as exc:
        return Checked(values, {exc.field: exc.message}, loan, sued=sued)
    return Checked(values, {}, loan, result, sued)
