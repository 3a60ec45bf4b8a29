"""Every role's day, end to end, in Chromium on a 375 × 812 phone (user-walk.md): logged in through the
real login form with the second step, through the pages only, asserting what the person sees after
each step, in Danish, with a screenshot of each step in docs/screenshots/journey-*.png.

The three core tasks (a note, the mentor's attendance, the young person's yes or no) are measured
as the person does them: at most three taps from the start screen, and every tap on something
already in view, so no scrolling."""

from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser import PASSWORD, Taps, assert_no_horizontal_scroll, log_in, log_out, open_menu, world_with_passwords
from tests.world import CERTIFICATE_PUBLIC_ID

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def live_world(transactional_db):
    return world_with_passwords(
        "counsellor_on_team",
        "consultant",
        "workshop_leader",
        "mentor_with_consent",
        "young_a",
        "lead",
        "analyst",
    )


@pytest.fixture
def person(browser):
    """A person's phone: 375 × 812, Danish."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="da-DK")
    context.set_default_timeout(120_000)
    page = context.new_page()
    yield page
    context.close()


def in_first_screen(page, locator):
    """Is the element on the screen the person sees without scrolling?"""
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


class NoScrollTaps(Taps):
    """Taps that each land on something already on the screen: the person never scrolls."""

    def __call__(self, locator):
        assert in_first_screen(self.page, locator.first), f"tap {self.count + 1} needs scrolling on {self.page.url}"
        super().__call__(locator.first)


def step(page, name):
    """The person looks at the page: no sideways scrolling, and a screenshot of what they see."""
    page.wait_for_load_state("networkidle")
    assert_no_horizontal_scroll(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"journey-{name}-375.png"), full_page=False)


def main_text(page):
    return page.inner_text("main")


def test_the_visitor_reads_what_brobygger_is_and_checks_a_certificate(live_server, live_world, person):
    base = live_server.url
    person.goto(f"{base}/")
    step(person, "visitor-landing")
    assert "Brobygger: broer ind i job og uddannelse" in main_text(person)
    assert in_first_screen(person, person.get_by_role("link", name="Log ind").first)
    assert person.title() == "Broer ind i job og uddannelse – Brobygger"

    person.get_by_role("link", name="Åbn kataloget").click()
    step(person, "visitor-catalogue")
    assert "Indsatskatalog" in main_text(person) and "Energi til Hinanden" in main_text(person)
    person.get_by_role("link", name="Energi til Hinanden").first.click()
    step(person, "visitor-catalogue-entry")
    assert person.locator("h1").inner_text() == "Energi til Hinanden"

    person.goto(f"{base}/")
    person.get_by_role("link", name="Åbn regelguiden").click()
    step(person, "visitor-guide")
    assert "Regelguide" in main_text(person)
    person.get_by_role("link", name="IPS").first.click()
    step(person, "visitor-guide-page")
    assert "IPS" in person.locator("h1").inner_text()

    person.goto(f"{base}/")
    person.get_by_role("link", name="Åbn ordlisten").click()
    step(person, "visitor-glossary")
    assert "Ordbog" in main_text(person)

    person.goto(f"{base}/verify/{CERTIFICATE_PUBLIC_ID}/")
    step(person, "visitor-verify")
    assert "ægte" in main_text(person).lower() or "gyldigt" in main_text(person).lower()

    response = person.goto(f"{base}/ingen-side-her/")
    assert response.status == 404
    step(person, "visitor-not-found")
    assert "Gå til forsiden" in main_text(person) or "forsiden" in main_text(person)


def test_the_counsellors_day(live_server, live_world, person):
    base = live_server.url
    log_in(person, base, "counsellor_on_team@a.example", PASSWORD)
    step(person, "counsellor-home")
    assert "Dine unge" in main_text(person)
    assert person.locator("#menu").is_hidden()  # the menu is folded behind one button
    open_menu(person)
    assert person.locator("#menu").is_visible()
    person.get_by_role("button", name="Menu").click()

    # A note in three taps from the start screen, none of them after scrolling.
    tap = NoScrollTaps(person)
    tap(person.get_by_role("link", name="Skriv en note om Asta Andersen"))
    person.keyboard.type("Asta fortalte om drømmen: at lave lys til koncerter.")
    tap(person.get_by_label("Drømmespor"))
    tap(person.get_by_role("button", name="Gem noten"))
    assert tap.count <= 3
    step(person, "counsellor-note-saved")
    assert "Noten er gemt" in person.content()

    # A new referral.
    person.goto(f"{base}/start/")
    person.get_by_role("link", name="Ny henvisning").click()
    person.get_by_label("Fornavn").fill("Liva")
    person.get_by_label("Efternavn").fill("Mortensen")
    person.get_by_label("Fødselsdato").fill("2007-04-12")
    person.get_by_label("Henvist af").select_option(index=1)
    step(person, "counsellor-referral-form")
    assert person.get_by_label("Henvisningsdato").input_value() == timezone.localdate().isoformat()
    person.get_by_role("button", name="Gem").click()
    step(person, "counsellor-referral-saved")
    assert person.locator("h1").inner_text() == "Liva Mortensen"

    # The plan on both tracks, for Asta.
    asta = live_world.objects["yp_a"]
    for track, goal in (("Drømmespor", "Se en lysprøve på spillestedet"), ("Rugbrødsspor", "Søge fritidsjob i caféen")):
        person.goto(f"{base}/young/{asta.pk}/steps/new/")
        person.get_by_label(track).check()
        person.get_by_label("Mål, med den unges egne ord").fill(goal)
        person.get_by_role("button", name="Gem").click()
        person.wait_for_load_state("networkidle")
        assert goal in main_text(person)
    step(person, "counsellor-plan")

    # A staircase activity proposed.
    person.get_by_role("link", name="Foreslå en aktivitet").click()
    person.get_by_label("Type").select_option("visit")
    person.get_by_label("Hvad").fill("Besøg på spillestedet")
    person.get_by_label("Virksomhed").select_option(label="Lumen")
    person.get_by_role("button", name="Foreslå", exact=True).click()
    step(person, "counsellor-proposed")
    assert "Foreslået" in person.content()

    # The running trial internship ends, door ajar.
    placement = live_world.objects["placement_a"]
    person.goto(f"{base}/activities/{placement.pk}/")
    person.get_by_role("link", name="Afslut aktiviteten").click()
    person.get_by_label("Hvad blev der lært?").fill("At Asta er god til at hænge lys op.")
    person.get_by_role("button", name="Afslut, med hvad der blev lært").click()
    step(person, "counsellor-ended-door-ajar")
    assert "Døren står på klem" in person.content()
    log_out(person)
    assert "Log ind" in main_text(person)
