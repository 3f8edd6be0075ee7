"""Real-browser fixtures: the app served on a free port with the real fixtures, Debian's Chromium.

One live server, one content load and one browser for the whole `tests/browser` package, so
the suite stays fast. The content is committed (the server thread must see it on PostgreSQL
too) and flushed when the package is done, so the rest of the suite starts from an empty DB.
Every page the tests open records its requests and fails on any other origin.

Screenshots are taken on every run; they land in docs/screenshots/ (the README's pictures) only
with KB_SCREENSHOTS=1, so an ordinary `make test` leaves the git tree clean:

    KB_SCREENSHOTS=1 make test PYTEST_ARGS=tests/browser/test_design.py
"""

from __future__ import annotations

import importlib.util
import os
import runpy
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from tests.services import CHROMIUM

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
EDITOR = {"username": "browser-editor", "password": "Br0wser-editor-pw!"}
README_SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
PHONE = {"width": 375, "height": 812}
PHONE_CONTEXT = {"viewport": PHONE, "is_mobile": True, "has_touch": True}
DESKTOP = {"width": 1280, "height": 800}
LOCAL_SCHEMES = {"data", "blob", "about"}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="package")
def test_database(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The test database, even when no collected test asked pytest-django for one.

    pytest-django creates it only for tests using `db`/`django_db`, and those wrap each test in
    a transaction the live server must not live in; so the browser tests ask for it here.
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    # The configured database, read afresh: Django renames it in place once it set up a test one.
    spec = importlib.util.find_spec(os.environ["DJANGO_SETTINGS_MODULE"])
    configured = runpy.run_path(spec.origin)["DATABASES"]["default"]
    with django_db_blocker.unblock():
        if str(connection.settings_dict["NAME"]) != str(configured["NAME"]):
            yield  # pytest-django already made the test database
            return
        config = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        try:
            yield
        finally:
            teardown_databases(config, verbosity=0)


@pytest.fixture(scope="package")
def live_site(test_database, django_db_blocker) -> Iterator[str]:
    """The whole app on 127.0.0.1:<free port>, with fixtures/ loaded and an editor account."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    from kb.core.content import load_content

    # Plain http on 127.0.0.1: cookies cannot be Secure-only here; a fast hasher for the login.
    overrides = override_settings(
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    with django_db_blocker.unblock():
        overrides.enable()
        try:
            load_content()
            get_user_model().objects.create_superuser(email="editor@example.com", **EDITOR)
            server = LiveServer("127.0.0.1")
            with server._live_server_modified_settings:
                yield server.url
            server.stop()
        finally:
            overrides.disable()
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture(scope="package")
def browser(live_site):
    """Debian's Chromium (never a browser downloaded by `playwright install`); where it is
    missing, the tests marked `browser` are skipped with the reason (tests/conftest.py)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Traffic:
    """Every request a page made, and every script error or CSP complaint it logged."""

    origin: str
    urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [u for u in self.urls if not self.is_local(u)]

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES:
            return True
        return f"{parts.scheme}://{parts.netloc}" == self.origin


@pytest.fixture
def open_context(browser, live_site):
    """Factory for browser contexts; at the end, fail on any foreign request or page error."""
    contexts, traffic = [], Traffic(origin=live_site)

    def block_foreign(route):
        if traffic.is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def watch(page):
        page.on("pageerror", lambda exc: traffic.errors.append(f"{page.url}: {exc}"))
        page.on("console", lambda msg: _note_console(traffic, page, msg))

    def make(**kwargs):
        kwargs.setdefault("viewport", DESKTOP)
        kwargs.setdefault("locale", "zh-CN")
        context = browser.new_context(base_url=live_site, **kwargs)
        context.set_default_timeout(10_000)
        context.route("**/*", block_foreign)
        context.on("request", lambda request: traffic.urls.append(request.url))
        context.on("page", watch)
        contexts.append(context)
        return context

    make.traffic = traffic
    yield make
    for context in contexts:
        context.close()
    assert traffic.foreign() == [], f"requests left the host: {traffic.foreign()}"
    assert traffic.errors == [], f"script errors or CSP violations: {traffic.errors}"


def _note_console(traffic: Traffic, page, msg) -> None:
    # Only the page's own code counts: axe, injected by the tests, has no source URL.
    text, source = msg.text, (msg.location or {}).get("url")
    if (
        source
        and msg.type == "error"
        and ("Content Security Policy" in text or "Refused to" in text)
    ):
        traffic.errors.append(f"{page.url}: {text}")


@pytest.fixture
def page(open_context):
    """A desktop page for an anonymous reader."""
    return open_context().new_page()


@pytest.fixture
def phone_page(open_context):
    return open_context(**PHONE_CONTEXT).new_page()


@pytest.fixture
def editor_page(open_context, live_site):
    """A page signed in to the admin through the real login form."""
    page = open_context().new_page()
    login(page)
    return page


def login(page) -> None:
    page.goto(f"/{settings.ADMIN_PATH}/login/")
    page.fill("#id_username", EDITOR["username"])
    page.fill("#id_password", EDITOR["password"])
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_load_state()
    assert "/login/" not in page.url, "admin login failed"


def screenshot_dir() -> Path:
    """docs/screenshots/ when asked (KB_SCREENSHOTS=1), otherwise a scratch folder."""
    if os.environ.get("KB_SCREENSHOTS") == "1":
        return README_SCREENSHOTS
    return Path(tempfile.gettempdir()) / f"kb-screenshots-{os.getuid()}"


def screenshot(page, name: str) -> Path:
    """Save a palette-reduced viewport screenshot (see screenshot_dir) and check the image."""
    from PIL import Image

    assert ("/zh-hant/" in page.url) == name.startswith("hant-"), f"{name} is {page.url}"
    folder = screenshot_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), animations="disabled", caret="initial")
    with Image.open(path) as shot:
        small = shot.convert("RGB").quantize(colors=96, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    with Image.open(path) as saved:
        assert saved.size == (page.viewport_size["width"], page.viewport_size["height"])
        assert len(saved.getcolors(256) or range(257)) > 8, f"{name}: a blank screenshot"
    return path
