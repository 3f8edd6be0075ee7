"""The LPR table from fixtures: every change shipped, the rate in force chosen by contract date."""

from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command

from kb.rates.models import LprRate, Threshold

# The changes listed in the LPR source table, copied by hand for the test.
EXPECTED = {
    "2019-08-20": ("4.25", "4.85"),
    "2019-09-20": ("4.20", "4.85"),
    "2019-11-20": ("4.15", "4.80"),
    "2020-02-20": ("4.05", "4.75"),
    "2020-04-20": ("3.85", "4.65"),
    "2021-12-20": ("3.80", "4.65"),
    "2022-01-20": ("3.70", "4.60"),
    "2022-05-20": ("3.70", "4.45"),
    "2022-08-22": ("3.65", "4.30"),
    "2023-06-20": ("3.55", "4.20"),
    "2023-08-21": ("3.45", "4.20"),
    "2024-02-20": ("3.45", "3.95"),
    "2024-07-22": ("3.35", "3.85"),
    "2024-10-21": ("3.10", "3.60"),
    "2025-05-20": ("3.00", "3.50"),
}


def test_it_ships_every_lpr_change(rates_data):
    rows = {
        r.published.isoformat(): (str(r.one_year), str(r.over_five_years))
        for r in LprRate.objects.all()
    }
    assert rows == EXPECTED
    assert all(r.source for r in LprRate.objects.all())
    assert LprRate.objects.latest().confirmed_through == date(2026, 2, 24)


def test_it_loads_the_fixture_twice_without_duplicates(rates_data):
    call_command("loaddata", str(settings.BASE_DIR / "fixtures" / "rates.json"), verbosity=0)
    assert LprRate.objects.count() == len(EXPECTED)
    assert Threshold.objects.filter(slug=Threshold.PRIVATE_CAP_SLUG, lpr_multiple=4).count() == 1


@pytest.mark.parametrize(
    "day, published, rate",
    [
        (date(2020, 4, 20), "2020-04-20", "3.85"),  # on a publication date: that publication
        (date(2020, 4, 19), "2020-02-20", "4.05"),  # the day before: the previous one
        (date(2019, 8, 20), "2019-08-20", "4.25"),  # the first LPR
        (date(2021, 7, 1), "2020-04-20", "3.85"),  # months without a change
        (date(2026, 11, 1), "2025-05-20", "3.00"),  # after the last row
    ],
)
def test_it_picks_the_lpr_in_force_on_the_contract_date(rates_data, day, published, rate):
    row = LprRate.objects.table().in_force_on(day)
    assert row.published.isoformat() == published
    assert row.one_year == Decimal(rate)


def test_it_has_no_lpr_before_2019_08_20(rates_data):
    assert LprRate.objects.table().in_force_on(date(2019, 8, 19)) is None


def test_it_keeps_unverified_figures_out_of_the_reference_lines(rates_data):
    texts = " ".join(
        f"{t.name}{t.applies_to}{t.source_text}{t.rate_percent}" for t in Threshold.objects.all()
    )
    assert "24%" not in texts and "36%" not in texts
    assert not Threshold.objects.exclude(rate_percent=None).exists()
    notice = Threshold.objects.get(slug="cash-loan-notice-2017")
    assert "141号" in notice.citation and notice.effective_date == date(2017, 12, 1)


def test_it_lets_staff_edit_both_tables_in_admin(staff_client, rates_data):
    for name in ("lprrate", "threshold"):
        assert staff_client.get(f"/{settings.ADMIN_PATH}/rates/{name}/").status_code == 200
    row = LprRate.objects.latest()
    assert (
        staff_client.get(f"/{settings.ADMIN_PATH}/rates/lprrate/{row.pk}/change/").status_code
        == 200
    )
