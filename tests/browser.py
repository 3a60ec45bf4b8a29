"""Playwright on Debian's Chromium (never a downloaded browser)."""

import os

import pytest
from django.conf import settings
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

from tests.auth import totp_code
from tests.chromium import CHROMIUM, CHROMIUM_ARGS, chromium_missing_reason


class _OneRequestAtATime(WSGIServer):
    """The live server, answering one request after the other. With SQLite's in-memory test
    database the live server's threads all share the test's one connection, and the parts a page
    loads after itself (brobygger.core.parts) arrive at once; on PostgreSQL, and with SQLite on a
    file (the demo: WAL and IMMEDIATE transactions), they are answered side by side."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)  # the server thread itself holds the overriding connections


database = settings.DATABASES["default"]
if database["ENGINE"].endswith("sqlite3") and not database.get("TEST", {}).get("NAME"):
    LiveServerThread.server_class = _OneRequestAtATime


@pytest.fixture(scope="session")
def browser():
    reason = chromium_missing_reason()
    if reason:
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make between page actions are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def phone(browser):
    """A 375 px wide phone-sized page."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, locale="da-DK")
    # Every step waits for what the person would see (a button, a part htmx puts in); on a loaded
    # two-core machine that can take long, so the bound is wide. It is a bound, never a pause.
    context.set_default_timeout(120_000)
    page = context.new_page()
    yield page
    context.close()


PASSWORD = "en-lang-nok-adgangskode-2026"


def world_with_passwords(*names):
    """The test world, with a password (PASSWORD) for the fixtures who log in through the forms."""
    from tests import world as world_module

    world = world_module.build()
    for name in names:
        user = world.user(name)
        user.set_password(PASSWORD)
        user.save()
    return world


def log_in(page, base_url, email, password):
    """Log in through the real forms, with a TOTP code as the second step for everyone who needs one."""
    secret = _fresh_totp_secret(email)
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("form:has(input[name=login]) button[type=submit]")
    page.wait_for_load_state("networkidle")
    if secret is not None:
        assert "/accounts/2fa/authenticate/" in page.url, f"no second step after the password, at {page.url}"
        enter_code(page, secret)


def open_menu(page):
    """On a phone the menu is folded behind one button: tap it, as a person would, when it shows."""
    toggle = page.get_by_role("button", name="Menu")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def log_out(page):
    open_menu(page)
    page.get_by_role("button", name="Log ud").click()
    page.wait_for_load_state("networkidle")


def enter_code(page, secret):
    """Type the authenticator app's code and send it. A code read at the very end of its 30 s is
    refused if the server checks it in the next step (a loaded machine); like a person, type the new
    code the app then shows. Returns once the page has moved on."""
    start = page.url
    for _attempt in range(2):
        page.fill("input[name=code]", totp_code(secret))
        page.click("form:has(input[name=code]) button[type=submit]")
        page.wait_for_load_state("networkidle")
        if page.url != start:
            return
    raise AssertionError(f"two codes in a row were refused at {start}")


def _fresh_totp_secret(email):
    """A new authenticator app for staff, so a code used by an earlier test within 30 s is never replayed."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    from brobygger.security import mfa

    user = get_user_model().objects.get(email=email)
    if not mfa.requires_mfa(user):
        return None
    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def session_cookie(cookie, base_url):
    """Django's session cookie for Playwright: __Host- cookies must be Secure; Chromium sends them to http://localhost."""
    return {
        "name": cookie.key,
        "value": cookie.value,
        "url": base_url.replace("http://", "https://", 1),
        "secure": True,
    }


def assert_no_horizontal_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{page.url} scrolls sideways: {width}px content in a {viewport}px viewport"


class Taps:
    """Counts the taps a person makes (typing is not a tap; autofocus saves one)."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def __call__(self, locator):
        locator.click()
        self.count += 1
        self.page.wait_for_load_state("networkidle")
