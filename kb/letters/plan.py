"""A proposed repayment plan: equal monthly instalments, checked with the rate calculator.

Pure Python (no Django). The instalment is the annuity for the proposed annual rate (or the
balance split evenly at 0 %), in yuan and fen; the last instalment takes the rounding so the
total is exact. The schedule is then run through kb.rates.calc like any loan the checker
sees: its limits apply and the rate it finds is the cost the lender would see.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import numpy_financial as npf

from kb.rates.calc import LoanInput, NoSolution, add_months, calculate, percent

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Instalment:
    number: int
    due: date
    amount: Decimal


@dataclass(frozen=True)
class Plan:
    balance: Decimal
    months: int
    annual_rate: Decimal  # percent, as proposed
    instalment: Decimal  # every instalment but the last
    last: Decimal
    total: Decimal
    schedule: tuple[Instalment, ...]
    apr: Decimal  # percent, found by the calculator from the dated schedule


class PlanError(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def exact_payment(balance: Decimal, months: int, annual_rate: Decimal) -> Decimal:
    """The unrounded monthly payment: the balance split evenly at 0 %, the annuity otherwise."""
    if not annual_rate:
        return balance / months
    return Decimal(repr(float(npf.pmt(float(annual_rate) / 1200, months, -float(balance)))))


def make_plan(balance: Decimal, months: int, annual_rate: Decimal, first_due: date) -> Plan:
    exact = exact_payment(balance, months, annual_rate)
    instalment = exact.quantize(CENT, rounding=ROUND_HALF_UP)
    if instalment <= 0:
        raise PlanError("months", "欠款太少、期数太多：每期金额不足 1 分钱，请减少期数。")
    start = add_months(first_due, -1)  # a month before the first instalment
    total = (exact * months).quantize(CENT, rounding=ROUND_HALF_UP)
    last = total - instalment * (months - 1)
    if last <= 0:
        raise PlanError("months", "按这个期数算，最后一期没有剩余金额，请减少期数。")
    amounts = [instalment] * (months - 1) + [last]
    schedule = tuple(
        Instalment(k, add_months(first_due, k - 1), amount) for k, amount in enumerate(amounts, 1)
    )
    loan = LoanInput(
        amount=balance,
        received=balance,
        date=start,
        plan="custom",
        payments=tuple((i.due, i.amount) for i in schedule),
    )
    try:
        result = calculate(loan)
    except NoSolution as exc:
        raise PlanError("annual_rate", exc.message) from None
    return Plan(
        balance=balance,
        months=months,
        annual_rate=annual_rate,
        instalment=instalment,
        last=last,
        total=result.total_paid,
        schedule=schedule,
        apr=percent(result.apr),
    )
