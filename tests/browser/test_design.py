"""Phone layout (no sideways scrolling at 375 px), typography, dark and print, and the README
screenshots (this module runs before the editor journey, so its test article is not in them).

Screenshots go to docs/screenshots/ only with KB_SCREENSHOTS=1 (see conftest.screenshot_dir).
"""

import re

import pytest
from django.conf import settings

from tests.browser.conftest import DESKTOP, README_SCREENSHOTS, screenshot
from tests.browser.helpers import GUIDE, PAGE_TYPES, horizontal_overflow, walk_to_outcome

SHOTS = {"home", "article", "provision", "guide-step", "search", "rate-result"}
# Every picture this module takes: SHOTS on a phone and a desktop, and a guide outcome on a phone.
TAKEN = {f"{n}-phone" for n in SHOTS} | {f"{n}-desktop" for n in SHOTS} | {"guide-outcome-phone"}


def test_the_readme_shows_exactly_the_screenshots_the_tests_take():
    readme = (settings.BASE_DIR / "README.md").read_text()
    shown = set(re.findall(r"docs/screenshots/([\w-]+)\.png", readme))
    assert shown == TAKEN
    missing = [n for n in TAKEN if not (README_SCREENSHOTS / f"{n}.png").is_file()]
    assert missing == [], f"refresh with KB_SCREENSHOTS=1: {missing}"


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


@pytest.mark.parametrize("name", ["home", "article", "archive"])
def test_it_puts_the_sidebar_below_the_content_on_a_phone(phone_page, name):
    phone_page.goto(PAGE_TYPES[name])
    main = phone_page.locator(".col-main").bounding_box()
    side = phone_page.locator(".col-side").bounding_box()
    assert side["y"] >= main["y"] + main["height"] - 1
    assert side["width"] > 300


def rendering_fonts(page, selector: str) -> list[str]:
    """The installed fonts Chromium actually drew the element's text with (not the CSS list)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    cdp.detach()
    return [f["familyName"] for f in sorted(fonts, key=lambda f: -f["glyphCount"])]


def test_it_reads_comfortably_on_a_desktop(page):
    page.goto(PAGE_TYPES["article"])
    style = page.evaluate(
        """() => { const p = document.querySelector('main .body p');
             const s = getComputedStyle(p);
             return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight),
                     width: p.getBoundingClientRect().width}; }"""
    )
    assert 17 <= style["size"] <= 18
    assert 1.7 <= style["line"] / style["size"] <= 1.9
    assert style["width"] <= 40 * style["size"] + 1, "lines of at most 40 characters' width"
    assert page.evaluate("() => document.fonts.size") == 0, "no web fonts"
    # The system's Chinese font for the page's script (here Noto Sans CJK, as on Android).
    assert rendering_fonts(page, "main .body p")[0] == "Noto Sans CJK SC"
    screenshot(page, "article-desktop")
    for name in sorted(SHOTS - {"article"}):
        page.goto(PAGE_TYPES[name])
        screenshot(page, f"{name}-desktop")
    page.goto("/zh-hant" + PAGE_TYPES["article"])
    assert rendering_fonts(page, "main .body p")[0] == "Noto Sans CJK TC", "繁體 glyph forms"


@pytest.mark.parametrize("name", ["home", "article", "provision", "guide-step"])
def test_it_sets_text_in_a_small_type_scale(phone_page, name):
    # Few sizes and two weights read as one design, and each size and weight the browser
    # must prepare is work before the first paint (font lookups on every device).
    phone_page.goto(PAGE_TYPES[name])
    used = phone_page.evaluate(
        """() => { const seen = new Set();
             const styled = [];
             const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
             while (walk.nextNode()) {
               if (walk.currentNode.data.trim()) styled.push(walk.currentNode.parentElement); }
             styled.push(...document.querySelectorAll('input, textarea, select, button'));
             for (const el of styled) {
               if (!el.checkVisibility()) continue;
               const s = getComputedStyle(el);
               seen.add(s.fontSize + ' ' + s.fontWeight + ' ' + s.fontFamily); }
             return [...seen]; }"""
    )
    sizes = {u.split()[0] for u in used}
    weights = {u.split()[1] for u in used}
    families = {u.split(" ", 2)[2] for u in used}
    assert weights <= {"400", "700"}, used
    assert len(sizes) <= 4, used
    assert families == {"sans-serif"}, f"form fields and text in the body font: {used}"


@pytest.mark.parametrize("name", ["home", "article", "archive"])
def test_it_puts_the_sidebar_beside_the_content_on_a_desktop(page, name):
    page.goto(PAGE_TYPES[name])
    assert page.viewport_size == DESKTOP
    main = page.locator(".col-main").bounding_box()
    side = page.locator(".col-side").bounding_box()
    assert side["x"] > main["x"] + main["width"] - 1


def test_it_prints_without_navigation_and_with_link_urls(page):
    page.goto(PAGE_TYPES["article"])
    page.emulate_media(media="print")
    for chrome in (".site-header", ".site-footer", ".share", ".feedback", ".latest", ".prev-next"):
        assert page.locator(chrome).count() == 1, f"{chrome} is on the article page"
        assert not page.locator(chrome).is_visible(), f"{chrome} is printed"
    assert page.locator("main h1").is_visible() and page.locator(".cited-laws").is_visible()
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
