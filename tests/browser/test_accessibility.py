"""axe-core on every page type (WCAG 2.2 A/AA), and keyboard-only use."""

import pytest

from tests.browser.helpers import (
    ADMIN_ADD,
    BLOCKING,
    GUIDE,
    PAGE_TYPES,
    axe_violations,
    walk_to_outcome,
)


def assert_accessible(page, name: str) -> None:
    found = axe_violations(page)
    print(f"\naxe {name}: {[(v['id'], v['impact']) for v in found] or 'no violations'}")
    blocking = [v for v in found if v["impact"] in BLOCKING]
    assert blocking == [], f"{name}: serious/critical axe violations: {blocking}"


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_it_has_no_serious_axe_violations(page, name):
    response = page.goto(PAGE_TYPES[name])
    assert response.status == (404 if name == "404" else 200), f"{name} answered {response.status}"
    assert_accessible(page, name)


def test_it_has_no_serious_axe_violations_on_a_guide_outcome_light_or_dark(open_context):
    page = open_context().new_page()
    page.goto(GUIDE)
    walk_to_outcome(page)
    assert_accessible(page, "guide-outcome")
    dark = open_context(color_scheme="dark").new_page()
    dark.goto(page.url)
    assert_accessible(dark, "guide-outcome (dark)")


def test_it_has_no_serious_axe_violations_in_dark_mode(open_context):
    page = open_context(color_scheme="dark").new_page()
    for name in ("home", "article", "search"):
        page.goto(PAGE_TYPES[name])
        assert_accessible(page, f"{name} (dark)")


def test_it_has_no_serious_axe_violations_on_the_article_admin_form(editor_page):
    editor_page.goto(ADMIN_ADD)
    assert editor_page.locator("#id_body").is_visible()
    assert_accessible(editor_page, "admin article add")


def test_it_has_no_serious_axe_violations_on_the_admin_start_page_with_revisions(
    editor_page, django_db_blocker
):
    from concurrent.futures import ThreadPoolExecutor

    from django.conf import settings
    from django.contrib.auth import get_user_model

    from kb.articles.models import Article, ArticleRevision
    from tests.browser.conftest import EDITOR

    def propose():
        author = get_user_model().objects.get(username=EDITOR["username"])
        article = Article.objects.published().first()
        changes = {"title": article.title + "？"}
        return ArticleRevision.objects.create(article=article, author=author, changes=changes)

    # The ORM outside Playwright's event loop, in a thread of its own.
    with django_db_blocker.unblock(), ThreadPoolExecutor(1) as thread:
        revision = thread.submit(propose).result()
        try:
            editor_page.goto(f"/{settings.ADMIN_PATH}/")
            panel = editor_page.locator("#my-revisions")
            assert panel.get_by_text("待审核：1 份").is_visible()
            assert_accessible(editor_page, "admin start page with the editor's revisions")
        finally:
            thread.submit(revision.delete).result()


def test_it_offers_a_working_skip_link_as_the_first_tab_stop(page):
    page.goto(PAGE_TYPES["article"])
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => [document.activeElement.textContent, document.activeElement.getAttribute('href')]"
    )
    assert focused == ["跳到正文", "#main"]
    assert page.locator(".skip-link").is_visible(), "the skip link must show when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    inside_main = page.evaluate("() => !!document.activeElement.closest('main')")
    assert inside_main, "after the skip link, Tab continues inside the main content"


FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])"


@pytest.mark.parametrize(
    "name", ["home", "article", "guide-step", "rate", "search", "archive", "tag", "hant-article"]
)
def test_it_reaches_every_control_by_keyboard_with_visible_focus(page, name):
    page.goto(PAGE_TYPES[name])
    controls = page.evaluate(
        """(sel) => Array.from(document.querySelectorAll(sel))
            .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
                          && !el.disabled && !(el.type === 'radio' && !el.checked
                              && document.querySelector(`input[name="${el.name}"]:checked`)))
            .map((el, i) => { el.dataset.tabProbe = i; return el.outerHTML.slice(0, 100); })""",
        FOCUSABLE,
    )
    reached, unseen = set(), []
    for _ in range(len(controls) + 5):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const el = document.activeElement; const s = getComputedStyle(el);
                 return {probe: el.dataset.tabProbe, html: el.outerHTML.slice(0, 100),
                         visible: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
                                  || (s.boxShadow && s.boxShadow !== 'none')}; }"""
        )
        if info["html"].startswith("<body"):
            break
        if info["probe"] is not None:
            reached.add(int(info["probe"]))
        if not info["visible"]:
            unseen.append(info["html"])
    # A radio group is one tab stop: its first radio stands for the group until one is checked.
    missing = [
        html for i, html in enumerate(controls) if i not in reached and 'type="radio"' not in html
    ]
    assert missing == [], f"{name}: not reachable with Tab: {missing}"
    assert unseen == [], f"{name}: no visible focus indicator on: {unseen}"
