"""Loan cost maths: dated cash flows, IRR / XIRR, totals. Pure Python: no Django here.

Sign convention: money the borrower receives is positive, money the borrower pays is negative.
Rates are fractions (0.12 = 12 %). Monthly plans (`equal`, `bullet`) are solved per month with
numpy-financial (`apr` = monthly IRR x 12, `ear` = (1 + m)^12 - 1); `custom` plans are solved on
actual dates with XIRR (brentq on XNPV, 365-day years): `ear` is the XIRR and `apr` is 12 times the
equivalent monthly rate, so the same loan entered monthly or as dated payments gives close answers.
"""

import calendar
import math
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

import numpy as np
import numpy_financial as npf
from scipy.optimize import brentq

PLANS = ("equal", "bullet", "custom")
# Above 100 % a month (about 1.1e26 % a year) the numbers stop meaning anything.
MAX_MONTHLY_RATE = 100.0


@dataclass(frozen=True)
class LoanInput:
    amount: Decimal  # contract amount (yuan)
    received: Decimal  # amount actually received (yuan)
    date: date  # contract date
    plan: str  # one of PLANS
    n: int | None = None
    payment: Decimal | None = None
    payments: tuple[tuple[date, Decimal], ...] = ()
    fees: Decimal = Decimal("0")

    @property
    def net_received(self) -> Decimal:
        return self.received - self.fees


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
        self.field = field
        self.message = message


def add_months(start: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb)."""
    year, month0 = divmod(start.month - 1 + months, 12)
    year += start.year
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(start.day, last))


def cash_flows(loan: LoanInput) -> tuple[CashFlow, ...]:
    flows = [CashFlow(loan.date, loan.received, "到手金额")]
    if loan.fees:
        flows.append(CashFlow(loan.date, -loan.fees, "前期费用"))
    if loan.plan == "custom":
        flows += [
            CashFlow(d, -amt, f"第 {i} 笔还款") for i, (d, amt) in enumerate(loan.payments, 1)
        ]
        return tuple(flows)
    for k in range(1, loan.n + 1):
        due = loan.payment + (loan.amount if loan.plan == "bullet" and k == loan.n else 0)
        flows.append(CashFlow(add_months(loan.date, k), -due, f"第 {k} 期"))
    return tuple(flows)


def _monthly_values(loan: LoanInput) -> list[float]:
    values = [0.0] * (loan.n + 1)
    values[0] = float(loan.net_received)
    for k in range(1, loan.n + 1):
        values[k] = -float(loan.payment)
    if loan.plan == "bullet":
        values[-1] -= float(loan.amount)
    return values


def monthly_irr(loan: LoanInput) -> float:
    """IRR per month of an `equal` or `bullet` plan (the annuity solved by numpy-financial)."""
    values = _monthly_values(loan)
    fv = -float(loan.amount) if loan.plan == "bullet" else 0.0
    scale = sum(abs(v) for v in values)
    with np.errstate(all="ignore"):
        rate = float(npf.rate(loan.n, -float(loan.payment), float(loan.net_received), fv))
        if math.isfinite(rate) and 0 <= rate <= MAX_MONTHLY_RATE:
            if abs(float(npf.npv(rate, values))) <= 1e-9 * scale:
                return rate
        # Newton can wander off to a root below -100 %; the bracketed solver cannot.
        return _bracketed(lambda r: float(npf.npv(r, values)), MAX_MONTHLY_RATE)


def xnpv(rate: float, flows: tuple[CashFlow, ...]) -> float:
    start = flows[0].when
    log_base = math.log1p(rate)
    return sum(
        float(f.amount) * math.exp(-((f.when - start).days / 365.0) * log_base) for f in flows
    )


def xirr(flows: tuple[CashFlow, ...]) -> float:
    """Effective annual rate r with XNPV(r) = 0 on actual dates (365-day years)."""
    upper = (1 + MAX_MONTHLY_RATE) ** 12 - 1
    return _bracketed(lambda r: xnpv(r, flows), upper)


def _bracketed(npv, upper: float) -> float:
    # The borrower receives first and pays later, so NPV rises with the rate: one root in [0, upper].
    low = npv(0.0)
    if low >= 0:
        return 0.0
    if npv(upper) < 0:
        raise NoSolution(
            "payment",
            "按这些数字算出的利率高得超出本工具的计算范围（相当于每月超过 10000%），请核对金额和日期。",
        )
    return float(brentq(npv, 0.0, upper, xtol=1e-14, rtol=1e-14, maxiter=500))


def total_repaid(loan: LoanInput) -> Decimal:
    """Every repayment, fees excluded."""
    if loan.plan == "custom":
        return sum((amt for _, amt in loan.payments), Decimal("0"))
    return loan.payment * loan.n + (loan.amount if loan.plan == "bullet" else 0)


def calculate(loan: LoanInput) -> RateResult:
    flows = cash_flows(loan)
    repaid = total_repaid(loan)
    field = "payments" if loan.plan == "custom" else "payment"
    if repaid < loan.net_received:
        raise NoSolution(
            field,
            f"还款总额（{repaid:,.2f} 元）少于你实际到手并扣除费用后的 {loan.net_received:,.2f} 元，"
            "算不出借款成本；请核对金额、期数或还款明细。",
        )
    try:
        if repaid == loan.net_received:
            monthly = ear = 0.0
        elif loan.plan == "custom":
            ear = xirr(flows)
            monthly = (1 + ear) ** (1 / 12) - 1
        else:
            monthly = monthly_irr(loan)
            ear = (1 + monthly) ** 12 - 1
    except NoSolution as exc:
        raise NoSolution(field, exc.message) from None
    except (ValueError, OverflowError, ArithmeticError):
        raise NoSolution(field, "无法根据这些数字算出利率，请核对输入。") from None
    total_paid = repaid + loan.fees
    return RateResult(
        monthly_rate=monthly,
        apr=monthly * 12,
        ear=ear,
        total_paid=total_paid,
        total_cost=total_paid - loan.received,
        flows=flows,
    )


def percent(rate: float) -> Decimal:
    """A fraction as a percentage rounded to 2 decimals (half up), the form shown and compared."""
    with localcontext(prec=80):
        return Decimal(repr(rate * 100)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
