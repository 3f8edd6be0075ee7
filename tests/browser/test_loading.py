"""What a reader sees while a page loads: nothing moves under their finger, and what lies far
below the first screen (the cited laws, related articles, the QR code) waits until they scroll
towards it, then is there."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE_CONTEXT
from tests.browser.helpers import ARTICLE

# Every layout shift the page records from its first byte, as the browser reports them.
RECORD_SHIFTS = """
window.kbShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.kbShifts.push(entry.value);
}).observe({ type: "layout-shift", buffered: true });
"""
# Whether the browser has laid out an element's contents yet (false while content-visibility
# skips them).
RENDERED = "el => el.checkVisibility({ contentVisibilityAuto: true })"
DEVICES = {"phone": PHONE_CONTEXT, "desktop": {"viewport": DESKTOP}}


@pytest.mark.parametrize("device", list(DEVICES))
@pytest.mark.parametrize("path", ["/", ARTICLE, "/category/zhengxin/"])
def test_it_does_not_move_content_while_the_page_loads(open_context, path, device):
    page = open_context(**DEVICES[device]).new_page()
    page.add_init_script(RECORD_SHIFTS)
    page.goto(path)
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.evaluate("window.kbShifts") == []


def test_it_lays_out_the_cited_laws_only_when_the_reader_scrolls_to_them(phone_page):
    phone_page.goto(ARTICLE)
    heading = phone_page.locator(".cited-laws h2")
    assert heading.evaluate(RENDERED) is False, "laid out before anyone scrolled there"
    heading.scroll_into_view_if_needed()
    phone_page.wait_for_function(RENDERED, arg=heading.element_handle())
    assert phone_page.locator(".cited-laws blockquote").first.is_visible()


def test_it_fetches_the_qr_code_only_when_the_reader_scrolls_to_it(phone_page):
    fetched = []
    phone_page.on("request", lambda request: fetched.append(request.url))
    phone_page.goto(ARTICLE)
    phone_page.wait_for_load_state("load")
    assert not [u for u in fetched if "/qr.svg" in u]
    qr = phone_page.get_by_role("img", name="本文链接的二维码")
    qr.scroll_into_view_if_needed()
    phone_page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=qr.element_handle()
    )
    assert [u for u in fetched if "/qr.svg" in u]
