"""The maths, checked against computations written independently in the tests."""

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from kb.rates.calc import LoanInput, NoSolution, add_months, calculate, percent


def bisect(npv, low=0.0, high=10.0):
    """Plain bisection on an increasing NPV, written here so the tests do not trust the module."""
    for _ in range(200):
        mid = (low + high) / 2
        if npv(mid) < 0:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def monthly_npv(received, payments):
    return lambda r: received - sum(p / (1 + r) ** k for k, p in enumerate(payments, 1))


def loan(**kw):
    base = dict(
        amount=Decimal("10000"), received=Decimal("10000"), date=date(2024, 1, 15), plan="equal"
    )
    base.update(kw)
    return LoanInput(**base)


def test_it_solves_twelve_equal_payments_like_an_independent_bisection():
    result = calculate(loan(n=12, payment=Decimal("1000")))
    expected = bisect(monthly_npv(10000, [1000] * 12))
    assert result.monthly_rate == pytest.approx(expected, abs=1e-12)
    assert result.apr == pytest.approx(expected * 12, abs=1e-11)
    assert result.ear == pytest.approx((1 + expected) ** 12 - 1, abs=1e-11)
    assert percent(result.apr) == Decimal("35.07")
    assert percent(result.ear) == Decimal("41.30")
    assert result.total_paid == Decimal("12000")
    assert result.total_cost == Decimal("2000")


def test_it_gives_exactly_twelve_percent_for_interest_of_one_percent_a_month():
    result = calculate(loan(plan="bullet", n=12, payment=Decimal("100")))
    assert percent(result.apr) == Decimal("12.00")
    assert result.ear == pytest.approx(1.01**12 - 1, abs=1e-9)
    assert result.total_paid == Decimal("11200")
    assert result.flows[-1].amount == Decimal("-10100")


def test_it_computes_interest_deducted_in_advance_on_the_money_received():
    result = calculate(loan(plan="bullet", received=Decimal("8000"), n=12, payment=Decimal("100")))
    expected = bisect(monthly_npv(8000, [100] * 11 + [10100]))
    assert result.monthly_rate == pytest.approx(expected, abs=1e-12)
    assert percent(result.apr) > Decimal("30")
    assert result.total_cost == Decimal("3200")


def test_it_takes_up_front_fees_off_the_money_received():
    with_fees = calculate(loan(n=12, payment=Decimal("1000"), fees=Decimal("500")))
    expected = bisect(monthly_npv(9500, [1000] * 12))
    assert with_fees.monthly_rate == pytest.approx(expected, abs=1e-12)
    assert with_fees.total_paid == Decimal("12500")
    assert with_fees.total_cost == Decimal("2500")


def test_it_solves_xirr_for_one_payment_after_a_leap_year_in_closed_form():
    result = calculate(
        loan(plan="custom", date=date(2024, 1, 1), payments=((date(2025, 1, 1), Decimal("11000")),))
    )
    assert result.ear == pytest.approx(1.1 ** (365 / 366) - 1, abs=1e-12)
    assert result.apr == pytest.approx(12 * ((1 + result.ear) ** (1 / 12) - 1), abs=1e-12)


def test_it_solves_xirr_for_uneven_payments_like_an_independent_bisection():
    start = date(2024, 3, 1)
    payments = (
        (date(2024, 4, 10), Decimal("3000")),
        (date(2024, 7, 1), Decimal("4000")),
        (date(2025, 2, 28), Decimal("5000")),
    )
    result = calculate(loan(plan="custom", date=start, payments=payments))

    def xnpv(r):
        return 10000 - sum(float(a) / (1 + r) ** ((d - start).days / 365) for d, a in payments)

    assert result.ear == pytest.approx(bisect(xnpv), abs=1e-10)


def test_it_agrees_between_monthly_and_dated_entry_of_the_same_loan():
    monthly = calculate(loan(n=12, payment=Decimal("1000")))
    dated = tuple((add_months(date(2024, 1, 15), k), Decimal("1000")) for k in range(1, 13))
    custom = calculate(loan(plan="custom", payments=dated))
    assert abs(percent(monthly.apr) - percent(custom.apr)) < Decimal("0.2")


def test_it_returns_zero_for_an_interest_free_loan():
    result = calculate(loan(plan="bullet", n=6, payment=Decimal("0")))
    assert result.apr == 0 and result.ear == 0


def test_it_refuses_when_less_is_repaid_than_received():
    with pytest.raises(NoSolution) as exc:
        calculate(loan(n=12, payment=Decimal("10")))
    assert exc.value.field == "payment"
    assert "少于" in exc.value.message


def test_it_refuses_absurdly_high_rates_instead_of_overflowing():
    with pytest.raises(NoSolution) as exc:
        calculate(loan(plan="custom", payments=((date(2024, 1, 16), Decimal("20000")),)))
    assert exc.value.field == "payments"
    assert "超出" in exc.value.message


def test_it_survives_the_longest_and_the_largest_plans():
    assert calculate(
        loan(n=600, payment=Decimal("100"), plan="bullet")
    ).monthly_rate == pytest.approx(0.01)
    with pytest.raises(NoSolution):
        calculate(
            loan(n=600, payment=Decimal("1000000000"), received=Decimal("1"), amount=Decimal("1"))
        )


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 11, 15), 3, date(2025, 2, 15)),
    ],
)
def test_it_adds_calendar_months(start, months, expected):
    assert add_months(start, months) == expected


def test_it_keeps_the_maths_free_of_django():
    code = "import sys, kb.rates.calc, kb.rates.assess; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
