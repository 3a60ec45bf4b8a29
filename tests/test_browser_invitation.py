"""The invitation, walked on a phone in Chromium: the administrator
invites a new counsellor; the counsellor opens the link from the e-mail, chooses a password, sets up
two-step login with an authenticator app and arrives at the start page. Someone who only knows the
password cannot set up two-step login."""

import re
from pathlib import Path

import pytest
from django.core import mail

from tests.browser import PASSWORD, assert_no_horizontal_scroll, enter_code, log_in, world_with_passwords

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
NEW_PASSWORD = "cykler på bakken om morgenen"


@pytest.fixture
def admin(transactional_db):
    return world_with_passwords("admin").user("admin")


def _invite(phone, base, email, first_name):
    """The administrator sends an invitation from the members page; the link from the e-mail."""
    phone.goto(f"{base}/org/members/")
    phone.get_by_role("link", name="Tilføj en medarbejder").click()
    assert "Vi sender en invitation til adressen" in phone.inner_text("main")
    phone.get_by_label("E-mail").fill(email)
    phone.get_by_label("Fornavn").fill(first_name)
    phone.get_by_label("Rolle").select_option("counsellor")
    phone.get_by_role("button", name="Send invitationen").click()
    phone.wait_for_load_state("networkidle")
    return re.search(r"https?://\S+/org/invitation/\S+/", mail.outbox[-1].body).group(0)


def _other_phone(browser):
    page = browser.new_context(viewport={"width": 375, "height": 812}, locale="da-DK").new_page()
    page.set_default_timeout(120_000)
    return page


def _make_login(page):
    page.get_by_label("Vælg en adgangskode").fill(NEW_PASSWORD)
    page.get_by_label("Den samme adgangskode igen").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Lav mit login").click()
    page.wait_for_load_state("networkidle")


def _in_first_screen(page, locator):
    box = locator.bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


def test_an_invited_counsellor_makes_their_login_on_a_phone(live_server, admin, phone, browser):
    base = live_server.url
    log_in(phone, base, admin.email, PASSWORD)
    link = _invite(phone, base, "nina@a.example", "Nina")
    main = phone.inner_text("main")
    assert "Der er sendt en invitation til nina@a.example" in main
    assert "Invitationer, der ikke er åbnet endnu" in main and "Annullér invitationen" in main
    assert _in_first_screen(phone, phone.get_by_text("Nina · Vejleder"))  # what was just sent, in view
    assert_no_horizontal_scroll(phone)
    phone.screenshot(path=str(SCREENSHOTS / "invitation-sent-375.png"), full_page=True)

    invitee = _other_phone(browser)
    invitee.goto(link)
    assert "Dit login til Opgang Test" in invitee.inner_text("main")
    make = invitee.get_by_role("button", name="Lav mit login")
    assert _in_first_screen(invitee, make)  # the one thing to do is on the first screen
    invitee.screenshot(path=str(SCREENSHOTS / "invitation-open-375.png"), full_page=True)
    _make_login(invitee)
    assert "Velkommen. Du er nu Vejleder hos Opgang Test." in invitee.inner_text("main")

    invitee.goto(f"{base}/accounts/2fa/totp/activate/")  # straight on, no password asked again
    secret = invitee.locator("#authenticator_secret").input_value()
    enter_code(invitee, secret)
    invitee.goto(f"{base}/")
    assert "Log ind" not in invitee.inner_text("header")
    assert_no_horizontal_scroll(invitee)
    invitee.context.close()


def test_knowing_the_password_is_not_enough_to_set_up_two_step_login(live_server, admin, phone, browser):
    base = live_server.url
    log_in(phone, base, admin.email, PASSWORD)
    owner = _other_phone(browser)
    owner.goto(_invite(phone, base, "ole@a.example", "Ole"))
    _make_login(owner)
    owner.context.close()  # leaves without setting up two-step login

    other = _other_phone(browser)
    other.goto(f"{base}/accounts/login/")
    other.fill("input[name=login]", "ole@a.example")
    other.fill("input[name=password]", NEW_PASSWORD)
    other.click("form:has(input[name=login]) button[type=submit]")
    other.wait_for_load_state("networkidle")
    other.goto(f"{base}/accounts/2fa/totp/activate/")
    assert "Åbn din invitation først" in other.inner_text("main")
    other.screenshot(path=str(SCREENSHOTS / "enrolment-needs-invitation-375.png"), full_page=True)
    other.context.close()
