"""Reading the checker's GET parameters into a LoanInput, with a Chinese message per bad field.

Pure Python (no Django): `parse(params)` takes any mapping of str → str (a QueryDict works) and
returns the loan or the errors; `check(params)` also runs the maths, so "no solution" becomes a
field error like any other. Unknown parameters are ignored.
"""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from kb.rates.calc import PLANS, LoanInput, NoSolution, RateResult, add_months, calculate

FIELDS = ("amount", "received", "date", "plan", "n", "payment", "payments", "fees")
LABELS = {
    "amount": "合同借款金额",
    "received": "实际到手金额",
    "date": "借款日期",
    "plan": "还款方式",
    "n": "期数",
    "payment": "每期还款金额",
    "payments": "还款明细",
    "fees": "前期费用",
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


def parse(values: dict[str, str]) -> tuple[LoanInput | None, dict[str, str]]:
    errors: dict[str, str] = {}
    parsed: dict[str, object] = {}

    def take(name: str, parser, *, required: bool = True) -> None:
        raw = values[name]
        if len(raw) > MAX_LENGTH.get(name, 40):
            errors[name] = f"{LABELS[name]}的内容过长。"
        elif not raw:
            if required:
                errors[name] = f"请填写{LABELS[name]}。"
        else:
            try:
                parsed[name] = parser(raw)
            except FieldError as exc:
                errors[name] = str(exc)

    take("amount", lambda raw: parse_money(raw, LABELS["amount"]))
    take("received", lambda raw: parse_money(raw, LABELS["received"]))
    take("date", lambda raw: parse_date(raw, LABELS["date"]))
    take("fees", lambda raw: parse_money(raw, LABELS["fees"], allow_zero=True), required=False)
    plan = values["plan"]
    if plan not in PLANS:
        errors["plan"] = "请选择还款方式：等额本息、先息后本或自定义还款明细。"
    elif plan == "custom":
        take("payments", lambda raw: parse_payments(raw, parsed.get("date")))
    else:
        take("n", parse_count)
        label = "每月利息" if plan == "bullet" else LABELS["payment"]
        take("payment", lambda raw: parse_money(raw, label, allow_zero=plan == "bullet"))

    amount, received = parsed.get("amount"), parsed.get("received")
    fees = parsed.get("fees", Decimal("0"))
    if amount is not None and received is not None and received > amount:
        errors.setdefault("received", "实际到手金额不能大于合同借款金额。")
    if received is not None and fees >= received and "fees" not in errors:
        errors["fees"] = "前期费用必须小于实际到手金额。"
    if errors:
        return None, errors
    loan = LoanInput(
        amount=amount,
        received=received,
        date=parsed["date"],
        plan=plan,
        n=parsed.get("n"),
        payment=parsed.get("payment"),
        payments=parsed.get("payments", ()),
        fees=fees,
    )
    return loan, {}


def check(params: Mapping[str, str]) -> Checked:
    """Validate and compute; every failure is a {field: Chinese message}, never an exception."""
    values = clean_values(params)
    loan, errors = parse(values)
    if loan is None:
        return Checked(values, errors)
    try:
        result = calculate(loan)
    except NoSolution as exc:
        return Checked(values, {exc.field: exc.message}, loan)
    return Checked(values, {}, loan, result)
