"""No request leaves the host: every page type loads only from the live server."""

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.helpers import PAGE_TYPES


def test_it_loads_every_page_type_from_the_live_server_only(open_context, live_site):
    page = open_context().new_page()
    for url in PAGE_TYPES.values():
        page.goto(url)
    traffic = open_context.traffic
    assert f"{live_site}/static/css/site.css" in traffic.urls, "requests are being recorded"
    assert traffic.foreign() == []


def test_it_catches_and_blocks_a_request_to_another_origin(open_context):
    page = open_context().new_page()
    with pytest.raises(PlaywrightError):
        page.goto("http://example.invalid/")
    traffic = open_context.traffic
    assert traffic.foreign() == ["http://example.invalid/"]
    traffic.urls.clear()  # the fixture rightly fails every other test on such a request
