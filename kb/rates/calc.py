"""Loan cost maths (no Django): cash flows (+ to the borrower, - paid), IRR / XIRR, totals. Rates
are fractions. Monthly plans give apr = monthly IRR x 12 and ear = (1 + m)^12 - 1; `custom`
plans give ear = XIRR on actual dates (365-day years) and apr = 12 x its monthly equivalent."""

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from scipy.optimize import brentq

# Above 100 % a month (about 1.1e26 % a year) the numbers stop meaning anything.
MAX_MONTHLY_RATE = 100.0


@dataclass(frozen=True)
class LoanInput:
    amount: Decimal  # contract amount (yuan)
    received: Decimal  # amount actually received (yuan)
    date: date  # contract date
    plan: str  # "equal", "bullet" or "custom"
    n: int | None = None
    payment: Decimal | None = None
    payments: tuple[tuple[date, Decimal], ...] = ()
    fees: Decimal = Decimal("0")


@dataclass(frozen=True)
class CashFlow:
    when: date
    amount: Decimal  # + to the borrower, - paid by the borrower
    label: str


@dataclass(frozen=True)
class RateResult:
    monthly_rate: float
    apr: float  # nominal annual rate, fraction
    ear: float  # effective annual rate, fraction
    total_paid: Decimal  # repayments plus up-front fees
    total_cost: Decimal  # total_paid - received
    flows: tuple[CashFlow, ...]


class NoSolution(ValueError):
    """The cash flows have no meaningful cost of credit; `field` and `message` say why."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def add_months(start: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    year, month0 = divmod(start.month - 1 + months, 12)
    year += start.year
    return date(year, month0 + 1, min(start.day, calendar.monthrange(year, month0 + 1)[1]))


def cash_flows(loan: LoanInput) -> tuple[CashFlow, ...]:
    flows = [CashFlow(loan.date, loan.received, "到手金额")]
    if loan.fees:
        flows.append(CashFlow(loan.date, -loan.fees, "前期费用"))
    if loan.plan == "custom":
        flows += [
            CashFlow(d, -amt, f"第 {i} 笔还款") for i, (d, amt) in enumerate(loan.payments, 1)
        ]
    else:
        for k in range(1, loan.n + 1):
            due = loan.payment + (loan.amount if loan.plan == "bullet" and k == loan.n else 0)
            flows.append(CashFlow(add_months(loan.date, k), -due, f"第 {k} 期"))
    return tuple(flows)


def _irr(flows: tuple[CashFlow, ...], times: list[float], upper: float, field: str) -> float:
    """The rate r in [0, upper] where the flows, discounted by (1 + r) ** -time, sum to zero."""

    def npv(rate: float) -> float:
        return sum(float(f.amount) * (1 + rate) ** -t for f, t in zip(flows, times, strict=True))

    # The borrower receives first and pays later, so NPV rises with the rate: one root at most.
    if npv(0.0) >= 0:  # nothing paid beyond what was received
        return 0.0
    if npv(upper) < 0:
        raise NoSolution(
            field,
            "按这些数字算出的利率高得超出本工具的计算范围（相当于每月超过 10000%），请核对金额和日期。",
        )
    return float(brentq(npv, 0.0, upper, xtol=1e-14, rtol=1e-14, maxiter=500))


def calculate(loan: LoanInput) -> RateResult:
    flows = cash_flows(loan)
    total_paid = -sum(f.amount for f in flows[1:])  # fees and repayments
    repaid, net = total_paid - loan.fees, loan.received - loan.fees
    field = "payments" if loan.plan == "custom" else "payment"
    if repaid < net:
        raise NoSolution(
            field,
            f"还款总额（{repaid:,.2f} 元）少于你实际到手并扣除费用后的 {net:,.2f} 元，"
            "算不出借款成本；请核对金额、期数或还款明细。",
        )
    if loan.plan == "custom":
        years = [(f.when - loan.date).days / 365 for f in flows]
        ear = _irr(flows, years, (1 + MAX_MONTHLY_RATE) ** 12 - 1, field)
        monthly = (1 + ear) ** (1 / 12) - 1
    else:  # received and fees at month 0, then one instalment a month
        months = [0] * (len(flows) - loan.n) + list(range(1, loan.n + 1))
        monthly = _irr(flows, months, MAX_MONTHLY_RATE, field)
        ear = (1 + monthly) ** 12 - 1
    return RateResult(monthly, monthly * 12, ear, total_paid, total_paid - loan.received, flows)


def percent(rate: float) -> Decimal:
    """A fraction as a percentage rounded to 2 decimals (half up), the form shown and compared."""
    with localcontext(prec=80):
        return Decimal(repr(rate * 100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
