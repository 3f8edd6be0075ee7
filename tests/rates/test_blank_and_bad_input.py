"""The checker's blank form, its sitemap entries, what it stores, and more bad input."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.rates.requests import GOOD, api, page


def test_the_blank_form_answers_200_without_messages_in_both_scripts(client, rates_data):
    for url in ("/tools/rate/", "/zh-hant/tools/rate/", "/tools/rate/?amount=&date="):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert "error-summary" not in html and 'aria-invalid="true"' not in html, url
        assert 'class="error"' not in html, url


def test_every_sitemap_entry_of_the_checker_answers_200(client, rates_data):
    xml = client.get("/sitemap.xml").content.decode()
    urls = re.findall(r"<loc>http://testserver(/(?:zh-hant/)?tools/rate/)</loc>", xml)
    assert sorted(urls) == ["/tools/rate/", "/zh-hant/tools/rate/"]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_a_result_reads_the_database_and_writes_nothing(client, rates_data):
    params = {**GOOD, "received": "8000"}
    with CaptureQueriesContext(connection) as queries:
        assert page(client, **params).status_code == 200
        assert api(client, **params).status_code == 200
    assert queries.captured_queries
    for query in queries.captured_queries:
        assert query["sql"].lstrip().upper().startswith("SELECT"), query["sql"]
    assert not any(c.key == "sessionid" for c in client.cookies.values())


MORE_BAD = [
    ({"amount": "inf"}, "amount"),
    ({"received": "-Infinity"}, "received"),
    ({"fees": "-5"}, "fees"),
    ({"fees": "1e400"}, "fees"),
    ({"date": "2025-13-01"}, "date"),
    ({"date": "明天"}, "date"),
    ({"n": "0"}, "n"),
    ({"n": "12.5"}, "n"),
    ({"plan": "custom", "payments": ",".join(["2025-07-01:20"] * 601)}, "payments"),
    ({"plan": "custom", "payments": "2025-07-01:6000;;2025-06-30:6000"}, "payments"),
    ({"plan": "custom", "payments": "2025-07-01=6000"}, "payments"),
    ({"plan": "custom", "payments": "2025-07-01:"}, "payments"),
    ({"plan": "custom", "payments": "x" * 20001}, "payments"),
]


@pytest.mark.parametrize("change, field", MORE_BAD)
def test_it_answers_more_bad_input_with_a_chinese_message(client, rates_data, change, field):
    params = {**GOOD, **change}
    response = api(client, **params)
    assert response.status_code == 400
    message = response.json()["errors"][field]
    assert re.search(r"[\u4e00-\u9fff]", message)
    html_response = page(client, **params)
    assert html_response.status_code == 400
    assert f'id="err-{field}"' in html_response.content.decode()


def test_an_empty_lpr_table_is_named_as_missing_data_not_an_early_date(client, rates_data):
    from kb.rates.models import LprRate

    LprRate.objects.all().delete()
    html = page(client, **GOOD).content.decode()
    assert "本站没有这一日期的 LPR 数据" in html and "本站没有这一日期的数据</dd>" in html
    assert "早于 2019年8月20日）</dd>" not in html
