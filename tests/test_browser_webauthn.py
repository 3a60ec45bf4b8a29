"""A passkey (WebAuthn) end to end in Chromium, with its virtual authenticator standing in for a
phone's fingerprint reader: a counsellor adds a security key, then logs in with it instead of a code.
The allauth pages run under our CSP; any violation there fails the test too."""

import pytest
from allauth.mfa.models import Authenticator

from tests.browser import PASSWORD, log_in, world_with_passwords
from tests.test_accessibility import RECORD_CSP_VIOLATIONS

pytestmark = pytest.mark.browser
EMAIL = "counsellor_on_team@a.example"


@pytest.fixture
def counsellor(transactional_db):
    return world_with_passwords("counsellor_on_team").user("counsellor_on_team")


@pytest.fixture
def page_with_authenticator(browser):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="da-DK")
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    context.set_default_timeout(120_000)  # a bound for a loaded machine, as in tests/browser.phone
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,
    }
    cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})
    page.console = []  # kept across page loads, unlike window.__csp
    page.on("console", lambda message: page.console.append(message.text))
    yield page
    context.close()


def test_a_counsellor_adds_a_passkey_and_logs_in_with_it(live_server, counsellor, page_with_authenticator):
    page = page_with_authenticator
    log_in(page, live_server.url, EMAIL, PASSWORD)
    page.goto(f"{live_server.url}/accounts/2fa/webauthn/add/")
    assert "/accounts/reauthenticate/" in page.url  # adding a key asks for the password again
    page.fill("input[name=password]", PASSWORD)
    page.click("form:has(input[name=password]) button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.fill("input[name=name]", "Min telefon")
    page.click("#mfa_webauthn_add")  # the browser asks the authenticator, then the page posts its answer
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    assert "Sikkerhedsnøgle tilføjet." in page.inner_text("main")
    keys = Authenticator.objects.filter(user=counsellor, type=Authenticator.Type.WEBAUTHN)
    assert keys.count() == 1, page.url
    assert page.evaluate("window.__csp") == []

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", EMAIL)
    page.fill("input[name=password]", PASSWORD)
    page.click("form:has(input[name=login]) button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "/accounts/2fa/authenticate/" in page.url
    page.click("#mfa_webauthn_authenticate")
    page.wait_for_url(lambda url: "/2fa/authenticate/" not in url)
    page.goto(f"{live_server.url}/young/")
    assert page.url.endswith("/young/"), page.url
    assert "Asta Andersen" in page.inner_text("main")
    assert page.evaluate("window.__csp") == []
    assert [m for m in page.console if "Content Security Policy" in m] == []
    assert keys.get().data["credential"], "the key's public credential is stored"
