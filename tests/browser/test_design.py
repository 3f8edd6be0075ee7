"""Phone layout (no sideways scrolling at 375 px), typography, dark and print, and the README
screenshots (this module runs before the editor journey, so its test article is not in them)."""

import pytest

from tests.browser.conftest import DESKTOP, screenshot
from tests.browser.helpers import GUIDE, PAGE_TYPES, horizontal_overflow, walk_to_outcome

SHOTS = {"home", "article", "provision", "guide-step", "search", "rate-result"}


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_it_fits_a_375px_phone_without_sideways_scrolling(phone_page, name):
    phone_page.goto(PAGE_TYPES[name])
    assert horizontal_overflow(phone_page) <= 0, f"{name} scrolls sideways on a phone"
    if name in SHOTS:
        screenshot(phone_page, f"{name}-phone")


def test_it_fits_a_phone_on_a_guide_outcome(phone_page):
    phone_page.goto(GUIDE)
    walk_to_outcome(phone_page)
    assert horizontal_overflow(phone_page) <= 0
    screenshot(phone_page, "guide-outcome-phone")


def test_it_puts_the_sidebar_below_the_content_on_a_phone(phone_page):
    phone_page.goto("/")
    main = phone_page.locator(".col-main").bounding_box()
    side = phone_page.locator(".col-side").bounding_box()
    assert side["y"] >= main["y"] + main["height"] - 1
    assert side["width"] > 300


def test_it_reads_comfortably_on_a_desktop(page):
    page.goto(PAGE_TYPES["article"])
    style = page.evaluate(
        """() => { const p = document.querySelector('main .body p');
             const s = getComputedStyle(p);
             return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight),
                     width: p.getBoundingClientRect().width, family: s.fontFamily}; }"""
    )
    assert 17 <= style["size"] <= 18
    assert 1.7 <= style["line"] / style["size"] <= 1.9
    assert style["width"] <= 40 * style["size"] + 1, "lines of at most 40 characters' width"
    assert "PingFang SC" in style["family"] and "Noto Sans CJK SC" in style["family"]
    assert page.evaluate("() => document.fonts.size") == 0, "no web fonts"
    screenshot(page, "article-desktop")
    for name in ("home", "guide-step", "search", "provision", "rate-result"):
        page.goto(PAGE_TYPES[name])
        screenshot(page, f"{name}-desktop")


def test_it_puts_the_sidebar_beside_the_content_on_a_desktop(page):
    page.goto("/")
    assert page.viewport_size == DESKTOP
    main = page.locator(".col-main").bounding_box()
    side = page.locator(".col-side").bounding_box()
    assert side["x"] > main["x"] + main["width"] - 1


def test_it_prints_without_navigation_and_with_link_urls(page):
    page.goto(PAGE_TYPES["article"])
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".site-footer").is_visible()
    after = page.evaluate(
        "() => getComputedStyle(document.querySelector('main .body a[href]'), '::after').content"
    )
    assert "/" in after, f"printed links show their URL, got {after!r}"


def test_it_switches_to_dark_colours_when_the_system_asks(open_context):
    page = open_context(color_scheme="dark").new_page()
    page.goto("/")
    bg = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    channels = [int(x) for x in bg[bg.index("(") + 1 : bg.index(")")].split(",")[:3]]
    assert max(channels) < 60, f"dark background expected, got {bg}"


def test_it_stops_smooth_scrolling_when_the_reader_asks_for_less_motion(open_context):
    style = "() => getComputedStyle(document.documentElement).scrollBehavior"
    calm = open_context(reduced_motion="reduce").new_page()
    calm.goto("/")
    assert calm.evaluate(style) == "auto"
    usual = open_context().new_page()
    usual.goto("/")
    assert usual.evaluate(style) == "smooth"
