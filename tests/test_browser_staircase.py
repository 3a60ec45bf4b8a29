"""End to end: consultant creates an offer, the counsellor proposes
it, the young person says yes, the mentor writes the learning plan, the young
person accepts it, the mentor registers attendance in one tap on a 375 px
phone, and the young person ends it with what was learned."""

import pytest
from django.utils import timezone

from tests.browser import PASSWORD, Taps, assert_no_horizontal_scroll, log_in, world_with_passwords

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    return world_with_passwords("consultant", "counsellor_on_team", "young_a", "mentor_with_consent")


def switch_user(page, base, email):
    page.context.clear_cookies()
    log_in(page, base, email, PASSWORD)


def test_offer_to_attendance_to_a_learning_note(live_server, live_world, phone):
    base = live_server.url
    company = live_world.objects["company_1"]

    log_in(phone, base, "consultant@a.example", PASSWORD)
    phone.goto(f"{base}/companies/{company.pk}/offers/new/")
    phone.get_by_label("Type").select_option("trial_internship")
    phone.get_by_label("Titel").fill("Snusepraktik: lys til koncerter")
    phone.get_by_label("Timer om ugen").fill("12")
    phone.get_by_role("button", name="Gem").click()
    phone.wait_for_load_state("networkidle")
    assert "Tilbuddet er oprettet" in phone.content()

    switch_user(phone, base, "counsellor_on_team@a.example")
    phone.goto(f"{base}/young/{live_world.objects['yp_a'].pk}/activities/propose/")
    phone.get_by_label("Fra et tilbud").select_option(label="Snusepraktik: lys til koncerter · Lumen")
    phone.get_by_label("Starter").fill(timezone.localdate().isoformat())
    phone.get_by_role("button", name="Foreslå", exact=True).click()
    phone.wait_for_load_state("networkidle")
    assert "Foreslået" in phone.content()

    switch_user(phone, base, "young_a@a.example")
    phone.locator("#section-activities li", has_text="Snusepraktik: lys til koncerter").get_by_role(
        "button", name="Ja"
    ).click()
    phone.wait_for_load_state("networkidle")
    assert "Dit svar er sendt" in phone.content()

    switch_user(phone, base, "mentor_with_consent@a.example")
    assert phone.url.endswith("/mentor/")
    phone.get_by_role("link", name="Snusepraktik: lys til koncerter").click()
    phone.get_by_role("link", name="Skriv læringsplanen").click()
    phone.get_by_label("Læringsmål").fill("Lære at hænge lys op sikkert")
    phone.get_by_label("Opgaver").fill("Hjælpe lysfolkene før koncerten")
    phone.get_by_role("button", name="Gem").click()
    phone.wait_for_load_state("networkidle")

    switch_user(phone, base, "young_a@a.example")
    phone.locator("#section-learning_plans").get_by_role("link", name="Snusepraktik: lys til koncerter").click()
    phone.get_by_role("button", name="Jeg accepterer læringsplanen").click()
    phone.wait_for_load_state("networkidle")

    switch_user(phone, base, "mentor_with_consent@a.example")
    row = phone.locator("section.mentor-row", has_text="Snusepraktik: lys til koncerter")
    tap = Taps(phone)
    tap(row.get_by_role("button", name="Mødt i dag"))
    assert tap.count == 1
    assert "Fremmøde registreret" in phone.content()
    assert (
        "Registreret i dag"
        in phone.locator("section.mentor-row", has_text="Snusepraktik: lys til koncerter").inner_text()
    )
    assert_no_horizontal_scroll(phone)

    switch_user(phone, base, "young_a@a.example")
    phone.locator("#section-activities").get_by_role("link", name="Snusepraktik: lys til koncerter").click()
    phone.get_by_role("link", name="Afslut aktiviteten").click()
    phone.get_by_label("Hvad blev der lært?").fill("At jeg godt kan arbejde i højden, og at jeg kan lide lys.")
    phone.get_by_role("button", name="Afslut, med hvad der blev lært").click()
    phone.wait_for_load_state("networkidle")
    assert "Døren står på klem" in phone.content()
    assert_no_horizontal_scroll(phone)
