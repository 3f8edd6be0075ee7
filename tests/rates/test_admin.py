"""The reference lines are data that editors change in admin, and the checker follows them."""

from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings

from kb.rates.models import LprRate, Threshold

GOOD = "amount=10000&received=10000&date=2025-06-01&plan=bullet&n=12&payment=100"


def threshold_form(row, **changes):
    data = {
        "slug": row.slug,
        "name": row.name,
        "kind": row.kind,
        "rate_percent": row.rate_percent or "",
        "lpr_multiple": row.lpr_multiple or "",
        "effective_date": row.effective_date.isoformat() if row.effective_date else "",
        "citation": row.citation,
        "url": row.url,
        "applies_to": row.applies_to,
        "source_text": row.source_text,
        "order": row.order,
    }
    data.update(changes)
    return data


def change_url(row):
    return f"/{settings.ADMIN_PATH}/rates/threshold/{row.pk}/change/"


def test_it_uses_the_multiple_an_editor_saves(staff_client, rates_data):
    assert staff_client.get(f"/api/rate/?{GOOD}").json()["cap_private"] == 12.0
    row = Threshold.objects.get(slug=Threshold.PRIVATE_CAP_SLUG)
    response = staff_client.post(change_url(row), threshold_form(row, lpr_multiple="3"))
    assert response.status_code == 302
    data = staff_client.get(f"/api/rate/?{GOOD}").json()
    assert data["cap_private"] == 9.0 and data["exceeds_cap_private"] is True
    html = staff_client.get(f"/tools/rate/?{GOOD}").content.decode()
    assert "它的 3 倍是 9.00%" in html and "高于民间借贷的 3 倍 LPR（9.00%）" in html
    assert "<dt>3 倍 LPR</dt>" in html and "四倍 LPR（" not in html


def test_it_uses_an_lpr_row_an_editor_adds(staff_client, rates_data):
    response = staff_client.post(
        f"/{settings.ADMIN_PATH}/rates/lprrate/add/",
        {
            "published": "2025-06-20",
            "one_year": "2.90",
            "over_five_years": "3.40",
            "confirmed_through": "",
            "source": "测试：编辑录入的一期报价。",
        },
    )
    assert response.status_code == 302
    assert LprRate.objects.table().in_force_on(date(2025, 6, 20)).one_year == Decimal("2.90")
    data = staff_client.get(
        "/api/rate/?" + GOOD.replace("date=2025-06-01", "date=2025-06-20")
    ).json()
    assert (data["lpr"], data["lpr_date"], data["cap_private"]) == (2.9, "2025-06-20", 11.6)


def test_it_refuses_a_reference_line_without_effective_date_or_source(staff_client, rates_data):
    row = Threshold.objects.get(slug="minfadian-680-usury")
    response = staff_client.post(
        change_url(row), threshold_form(row, effective_date="", source_text="")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "请填写生效日期" in html
    row.refresh_from_db()
    assert row.effective_date == date(2021, 1, 1) and row.source_text


def test_every_shipped_reference_line_has_source_citation_and_date(rates_data):
    rows = list(Threshold.objects.all())
    assert len(rows) >= 5
    for row in rows:
        assert row.source_text and row.citation and row.applies_to, row.slug
        assert row.effective_date is not None, row.slug


def test_it_warns_editors_when_the_lpr_table_was_checked_over_60_days_ago(staff_client, rates_data):
    from django.utils import timezone

    latest = LprRate.objects.latest()
    today = timezone.localdate()
    changelist = f"/{settings.ADMIN_PATH}/rates/lprrate/"
    for days, warned in ((61, True), (60, False)):
        latest.confirmed_through = today - timedelta(days=days)
        latest.save()
        for url in (changelist, f"/{settings.ADMIN_PATH}/"):
            html = staff_client.get(url).content.decode()
            assert ("已超过 60 天" in html) is warned, (url, days)
    assert "LPR 数据只核对到" not in staff_client.get(f"/{settings.ADMIN_PATH}/").content.decode()
