"""The checker page and its JSON twin: permalinks, findings, errors, and a fixed query count."""

import re

import pytest

from tests.rates.requests import GOOD, api, page


def test_it_shows_a_blank_labelled_form(client, rates_data, django_assert_num_queries):
    with django_assert_num_queries(3):  # +1: the page cache's content version
        response = client.get("/tools/rate/")
    html = response.content.decode()
    assert response.status_code == 200
    for name in ("amount", "received", "date", "n", "payment", "payments", "fees"):
        assert f'<label for="id_{name}">' in html
    assert 'method="get"' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline scripts
    assert "2019年8月20日" in html
    assert "计算结果" not in html


def test_it_shows_the_result_as_a_permalink(client, rates_data, django_assert_num_queries):
    with django_assert_num_queries(3):  # +1: the page cache's content version
        response = page(client, **{**GOOD, "received": "8000"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "计算结果" in html
    assert 'value="8000"' in html  # the form keeps the values
    assert "3.00%" in html and "2025年5月20日" in html and "12.00%" in html
    assert 'href="/laws/minfadian/670/"' in html
    assert "11,200.00 元" in html and "3,200.00 元" in html  # total paid, total cost
    assert 'href="/laws/minjian-jiedai/25/"' in html
    assert (
        "http://testserver/tools/rate/?amount=10000&amp;received=8000&amp;date=2025-06-01&amp;plan=bullet"
        in html
    )
    assert response["Cache-Control"] == "private, no-store"


def test_it_answers_json_with_the_contract_fields(client, rates_data, django_assert_num_queries):
    with django_assert_num_queries(3):  # +1: the page cache's content version
        response = api(client, **{**GOOD, "plan": "equal", "payment": "1000"})
    data = response.json()
    assert response.status_code == 200
    assert data["apr"] == 35.07 and data["ear"] == 41.3
    assert data["total_paid"] == 12000.0 and data["total_cost"] == 2000.0
    assert data["lpr"] == 3.0 and data["lpr_date"] == "2025-05-20" and data["cap_private"] == 12.0
    assert data["exceeds_cap_private"] is True
    assert data["permalink"].startswith("http://testserver/tools/rate/?amount=10000")
    assert {f["key"] for f in data["findings"]} >= {"above-cap", "licensed-lenders"}


@pytest.mark.parametrize("payment, exceeds", [("99.9", False), ("100", False), ("100.1", True)])
def test_it_places_the_boundary_of_four_times_lpr_the_same_in_page_and_api(
    client, rates_data, payment, exceeds
):
    data = api(client, **{**GOOD, "payment": payment}).json()
    assert data["exceeds_cap_private"] is exceeds
    html = page(client, **{**GOOD, "payment": payment}).content.decode()
    assert f"年化约 {data['apr']:.2f}%" in html
    assert ("高于民间借贷的四倍 LPR" in html) is exceeds


@pytest.mark.parametrize(
    "day, lpr, lpr_date",
    [
        ("2020-04-20", 3.85, "2020-04-20"),
        ("2020-04-19", 4.05, "2020-02-20"),
        ("2019-08-19", None, None),
    ],
)
def test_it_uses_the_lpr_of_the_contract_date(client, rates_data, day, lpr, lpr_date):
    data = api(client, **{**GOOD, "date": day}).json()
    assert (data["lpr"], data["lpr_date"]) == (lpr, lpr_date)
    assert data["cap_private"] == (round(lpr * 4, 2) if lpr else None)


def test_it_explains_on_the_page_why_old_contracts_have_no_lpr(client, rates_data):
    html = page(client, **{**GOOD, "date": "2018-05-01"}).content.decode()
    assert "没有可比的 LPR" in html
    assert "四倍 LPR</dt>" not in html


def test_it_agrees_between_page_and_api_for_a_custom_plan(client, rates_data):
    params = {**GOOD, "plan": "custom", "payments": "2025-09-01:3000,2026-03-01:8000"}
    data = api(client, **params).json()
    html = page(client, **params).content.decode()
    assert f"<strong>{data['apr']:.2f}%</strong>" in html
    assert f"{data['ear']:.2f}%" in html


BAD = [
    ({"amount": "-1"}, "amount"),
    ({"amount": "0"}, "amount"),
    ({"amount": "十万"}, "amount"),
    ({"amount": "NaN"}, "amount"),
    ({"amount": "9" * 30}, "amount"),
    ({"received": "20000"}, "received"),
    ({"date": "2025-02-30"}, "date"),
    ({"n": "100000"}, "n"),
    ({"payment": "-5"}, "payment"),
    ({"payment": ""}, "payment"),
    ({"plan": "monthly"}, "plan"),
    ({"plan": "custom", "payments": "2025-05-01:11000"}, "payments"),
    ({"plan": "custom", "payments": "2025-08-01:6000,2025-07-01:6000"}, "payments"),
    ({"plan": "custom", "payments": "soon:lots"}, "payments"),
    ({"plan": "custom", "payments": "2025-06-02:99999999"}, "payments"),
    ({"plan": "equal", "payment": "1"}, "payment"),
]


@pytest.mark.parametrize("change, field", BAD)
def test_it_answers_bad_input_with_400_and_a_message(
    client, rates_data, change, field, django_assert_num_queries
):
    params = {**GOOD, **change}
    with django_assert_num_queries(1):  # the page cache's content version only
        response = api(client, **params)
    assert response.status_code == 400
    message = response.json()["errors"][field]
    assert message
    html_response = page(client, **params)
    assert html_response.status_code == 400
    html = html_response.content.decode()
    assert message.replace("“", "&ldquo;")[:8] in html or message[:8] in html
    assert 'aria-invalid="true"' in html or f'id="err-{field}"' in html


def test_it_never_fails_on_junk_parameters(client, rates_data):
    for query in (
        "amount=%00",
        "amount=1&amount=2",
        "plan[]=x",
        "date=" + "9" * 5000,
        "payments=:" * 50,
        "%ff=1",
    ):
        assert client.get(f"/tools/rate/?{query}").status_code in (200, 400)
        assert client.get(f"/api/rate/?{query}").status_code in (200, 400)


def test_it_refuses_post(client, rates_data):
    assert client.post("/api/rate/", GOOD).status_code == 405
