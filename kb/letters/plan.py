"""A proposed repayment plan: equal monthly instalments, checked with the rate calculator.

Pure Python. The instalment is the annuity at the proposed annual rate (the balance split
evenly at 0 %), in fen; the last one takes the rounding so the total is exact. The schedule then
goes through kb.rates.calc like any loan the checker sees: its limits apply, and the rate it
finds is the cost the lender would see.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import numpy_financial as npf

from kb.rates.calc import LoanInput, NoSolution, add_months, calculate, percent

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Plan:
    instalment: Decimal  # every instalment but the last
    last: Decimal
    total: Decimal
    schedule: tuple[tuple[date, Decimal], ...]
    apr: Decimal  # percent, found by the calculator from the dated schedule


def make_plan(balance: Decimal, months: int, annual_rate: Decimal, first_due: date) -> Plan:
    """Raises NoSolution (with the form field to blame) when the plan cannot work."""
    if annual_rate:
        pmt = npf.pmt(float(annual_rate) / 1200, months, -float(balance))
        exact = Decimal(repr(float(pmt)))
    else:
        exact = balance / months
    instalment = exact.quantize(CENT, rounding=ROUND_HALF_UP)
    if instalment <= 0:
        raise NoSolution("months", "欠款太少、期数太多：每期金额不足 1 分钱，请减少期数。")
    last = (exact * months).quantize(CENT, rounding=ROUND_HALF_UP) - instalment * (months - 1)
    if last <= 0:
        raise NoSolution("months", "按这个期数算，最后一期没有剩余金额，请减少期数。")
    schedule = tuple(
        (add_months(first_due, k), instalment if k < months - 1 else last) for k in range(months)
    )
    start = add_months(first_due, -1)  # a month before the first instalment
    loan = LoanInput(balance, balance, start, plan="custom", payments=schedule)
    try:
        result = calculate(loan)
    except NoSolution as exc:
        raise NoSolution("annual_rate", exc.message) from None
    return Plan(instalment, last, result.total_paid, schedule, percent(result.apr))
