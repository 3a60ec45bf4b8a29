"""Every role's day, end to end, in Chromium on a 375 × 812 phone (user-walk.md): logged in through the
real login form with the second step, through the pages only, asserting what the person sees after
each step, in Danish, with a screenshot of each step in docs/screenshots/journey-*.png.

The three core tasks (a note, the mentor's attendance, the young person's yes or no) are measured
as the person does them: at most three taps from the start screen, and every tap on something
already in view, so no scrolling."""

from pathlib import Path

import pytest
from django.utils import timezone
from django_scopes import scope

from brobygger.access.actor import Actor
from brobygger.certificates.models import Certificate
from brobygger.core.roles import Role
from brobygger.matching.models import YoungPersonChoice
from tests.browser import PASSWORD, Taps, assert_no_horizontal_scroll, log_in, log_out, open_menu, world_with_passwords
from tests.test_certificates import DANISH, ended_internship
from tests.world import CERTIFICATE_PUBLIC_ID

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def live_world(transactional_db):
    from brobygger.companies import esco
    from brobygger.companies.models import EscoOccupation

    if not EscoOccupation.objects.exists():  # a transactional test starts without the migrations' data
        esco.load(EscoOccupation)
    return world_with_passwords(
        "counsellor_on_team",
        "consultant",
        "workshop_leader",
        "mentor_with_consent",
        "young_a",
        "young_b",
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


# A list longer than the screen ends in a way on to the rest; reference pages (the catalogue, the
# guide, the glossary) are read whole, like a book.
WAYS_ON = ("Vis flere", "Næste", "Alle og søgning", "Se alle")
LISTS_LONGER_THAN_A_SCREEN = """(ways) => [...document.querySelectorAll("main ul.list, main ol.list")]
  .filter((list) => list.getBoundingClientRect().height > window.innerHeight)
  .filter((list) => {
    const card = list.closest("section, .card") || list.parentElement;
    return ![...card.querySelectorAll("a, button")].some((el) => ways.some((w) => el.textContent.includes(w)));
  })
  .map((list) => (list.closest("section, .card") || list).querySelector("h2, h1")?.textContent.trim() || "a list")"""


def step(page, name, reference=False):
    """The person looks at the page: no sideways scrolling, no list longer than the screen without a
    way on, and a screenshot of what they see."""
    page.wait_for_load_state("networkidle")
    assert_no_horizontal_scroll(page)
    if not reference:
        too_long = page.evaluate(LISTS_LONGER_THAN_A_SCREEN, list(WAYS_ON))
        assert too_long == [], f"{page.url}: lists longer than a phone screen with no 'Vis flere': {too_long}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"journey-{name}-375.png"), full_page=False)


def fill_in_a_referral(page):
    """From the start page: a new referral of Liva Mortensen, the form filled in, not yet saved."""
    page.get_by_role("link", name="Ny henvisning").click()
    page.get_by_label("Fornavn").fill("Liva")
    page.get_by_label("Efternavn").fill("Mortensen")
    page.get_by_label("Fødselsdato").fill("2007-04-12")
    page.get_by_label("Henvist af").select_option(index=1)


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
    step(person, "visitor-catalogue", reference=True)
    assert "Indsatskatalog" in main_text(person) and "Energi til Hinanden" in main_text(person)
    person.get_by_role("link", name="Energi til Hinanden").first.click()
    step(person, "visitor-catalogue-entry", reference=True)
    assert person.locator("h1").inner_text() == "Energi til Hinanden"

    person.goto(f"{base}/")
    person.get_by_role("link", name="Åbn regelguiden").click()
    step(person, "visitor-guide", reference=True)
    assert "Regelguide" in main_text(person)
    person.get_by_role("link", name="IPS").first.click()
    step(person, "visitor-guide-page", reference=True)
    assert "IPS" in person.locator("h1").inner_text()

    person.goto(f"{base}/")
    person.get_by_role("link", name="Åbn ordlisten").click()
    step(person, "visitor-glossary", reference=True)
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
    first_link = person.locator("nav.main a").first
    assert first_link.evaluate("e => getComputedStyle(e).color") != "rgb(255, 255, 255)"  # readable on white
    step(person, "counsellor-menu")
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
    fill_in_a_referral(person)
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


def test_the_mentors_day(live_server, live_world, person):
    base = live_server.url
    ended = ended_internship(live_world)
    log_in(person, base, "mentor_with_consent@a.example", PASSWORD)
    step(person, "mentor-home")
    assert person.url.endswith("/mentor/")

    # Attendance in one tap from the start screen, without scrolling.
    row = person.locator("section.mentor-row", has_text="Snusepraktik i lyd og lys")
    tap = NoScrollTaps(person)
    tap(row.get_by_role("button", name="Mødt i dag"))
    assert tap.count == 1
    step(person, "mentor-attendance")
    assert "Fremmøde registreret" in person.content()

    # The learning plan of the running placement.
    person.locator("section.mentor-row", has_text="Snusepraktik i lyd og lys").get_by_role(
        "link", name="Snusepraktik i lyd og lys"
    ).click()
    person.get_by_role("link", name="Ret læringsplanen").click()
    person.get_by_label("Læringsmål").fill("Lære at sætte lys op og at rigge lyd til en lille koncert")
    person.get_by_role("button", name="Gem").click()
    step(person, "mentor-learning-plan")
    assert "Læringsplanen er gemt. Den unge læser og accepterer den." in person.content()

    # The learning certificate of the placement that ended: written, then signed.
    person.goto(f"{base}/mentor/")
    person.get_by_role("link", name="Skriv læringsbeviset").first.click()
    person.fill("input[name=title]", DANISH["title"])
    person.fill("textarea[name=tasks]", DANISH["tasks"])
    person.fill("textarea[name=skills]", DANISH["skills"])
    person.fill("input[name=occupation]", DANISH["occupation"])
    person.fill("textarea[name=mentor_statement]", DANISH["mentor_statement"])
    person.locator("main form button[type=submit]").first.click()
    step(person, "mentor-certificate-written")
    assert "Gemt. Underskriv, når det siger, hvad den unge lærte." in person.content()
    person.get_by_label("Underskrevet for virksomheden af").fill("Bo Ørsted")
    person.get_by_label("Jeg bekræfter, at det er, hvad den unge lærte og viste hos os.").check()
    person.get_by_role("button", name="Underskriv", exact=True).click()
    step(person, "mentor-certificate-signed")
    with scope(organisation=live_world.org_a.pk):
        assert Certificate.objects.get(activity=ended).state == Certificate.State.SIGNED


def test_the_young_persons_day(live_server, live_world, person):
    base = live_server.url
    signed = _signed_certificate(live_world)
    log_in(person, base, "young_a@a.example", PASSWORD)
    step(person, "young-home")
    assert person.url.endswith("/me/")
    assert "Hej Asta" in main_text(person)
    # The next good step and the open yes/no are in the first screen, the newest notes in the first three.
    assert in_first_screen(person, person.locator(".where .next"))
    waiting = person.locator("#waiting")
    assert in_first_screen(person, waiting.get_by_role("button", name="Ja").first)
    assert person.locator("#section-notes").bounding_box()["y"] < 3 * PHONE["height"]
    assert "Vi talte om lyd og lys A" in person.locator("#section-notes").inner_text()

    # Yes or no in one tap, without scrolling.
    tap = NoScrollTaps(person)
    tap(waiting.locator("li", has_text="Besøg hos Lumen A").get_by_role("button", name="Ja"))
    assert tap.count == 1
    step(person, "young-said-yes")
    assert "Du sagde ja" in person.locator("#section-activities").inner_text()

    # A wish, in their own words.
    person.get_by_role("link", name="Ønsk en aktivitet").first.click()
    person.locator("main textarea").first.fill("Jeg vil gerne prøve at stå ved lydpulten til en koncert.")
    person.locator("main form button[type=submit]").first.click()
    step(person, "young-wish")
    assert "Jeg vil gerne prøve at stå ved lydpulten" in main_text(person)

    # How they are: WHO-5.
    person.get_by_role("link", name="Svar på spørgsmålene om, hvordan du har det").click()
    person.get_by_role("link", name="Trivsel (WHO-5)").click()
    for question in person.locator("fieldset.question").all():
        question.get_by_text("Det meste af tiden").click()
    person.get_by_role("button", name="Send mine svar").click()
    step(person, "young-well-being")
    assert "Tak for dine svar." in person.content()

    # A round of mutual choice: the visit is moved above the light job, both ticked, and saved.
    person.goto(f"{base}/me/")
    person.locator("#section-rounds").get_by_role("link", name="Vælg steder").click()
    visit = person.locator(".rank-item", has_text="Besøg")
    visit.get_by_role("checkbox").check()
    visit.get_by_role("button", name="Op").click()
    step(person, "young-ranking-moved")
    assert "Flyttet. Gem, når rækkefølgen er rigtig." in main_text(person)
    assert "Besøg" in person.locator(".rank-item").first.inner_text()  # the details stay in view
    person.get_by_role("button", name="Gem mine valg").click()
    step(person, "young-ranking-saved")
    assert "Dine valg er gemt. Kun du kan se dem." in person.content()
    with scope(organisation=live_world.org_a.pk):
        chosen = YoungPersonChoice.objects.filter(seat=live_world.objects["round_seat_a"]).order_by("rank")
        assert [c.round_offer.offer.title for c in chosen] == ["Besøg", "Lys"]

    # The learning certificate the mentor signed: read and approved.
    person.goto(f"{base}/me/")
    person.locator("#waiting").get_by_role("link", name="Læs og godkend").click()
    step(person, "young-certificate")
    assert DANISH["title"] in main_text(person)
    person.get_by_label("Din e-mailadresse").fill("asta@example.org")
    person.get_by_role("button", name="Godkend og udsted").click()
    step(person, "young-certificate-issued")
    with scope(organisation=live_world.org_a.pk):
        signed.refresh_from_db()
        assert signed.state == Certificate.State.ISSUED

    # Everything about them, to keep.
    person.goto(f"{base}/me/")
    with person.expect_download() as download:
        person.get_by_role("link", name="Som PDF til at læse").click()
    assert download.value.suggested_filename.endswith(".pdf")
    step(person, "young-download")


def _signed_certificate(world):
    """A placement of Asta's that ended, with the certificate the mentor wrote and signed."""
    from brobygger.certificates import services as certificates
    from brobygger.companies.models import EscoOccupation

    activity = ended_internship(world)
    mentor = Actor(world.user("mentor_with_consent"), world.org_a, [world.org_a], {Role.MENTOR})
    with scope(organisation=world.org_a.pk):
        data = {**DANISH, "occupation": EscoOccupation.objects.get(label=DANISH["occupation"])}
        certificate = certificates.write(mentor, activity, data=data)
        certificates.sign(mentor, certificate, signed_name="Bo Ørsted")
    return certificate


def test_the_consultants_day(live_server, live_world, person):
    base = live_server.url
    log_in(person, base, "consultant@a.example", PASSWORD)
    step(person, "consultant-home")
    assert in_first_screen(person, person.get_by_role("link", name="Ny virksomhed"))

    # A company, its contact person, its mentor's invitation and an offer.
    person.get_by_role("link", name="Ny virksomhed").click()
    person.get_by_label("Navn").fill("Bageriet Ø")
    person.get_by_label("Postnummer").fill("8000")
    person.get_by_role("button", name="Gem").click()
    step(person, "consultant-company")
    assert "Bageriet Ø er føjet til netværket." in person.content()
    person.get_by_role("link", name="Tilføj en kontaktperson").click()
    person.get_by_label("Navn").fill("Mette Holm")
    person.get_by_label("Titel").fill("Indehaver")
    person.get_by_role("button", name="Gem").click()
    assert "Mette Holm er tilføjet som kontaktperson." in person.content()
    person.get_by_role("link", name="Invitér en mentor").click()
    person.get_by_label("Fornavn").fill("Jonas")
    person.get_by_label("E-mail").fill("jonas@bageriet.example")
    person.get_by_role("button", name="Send invitationen").click()
    step(person, "consultant-mentor-invited")
    assert "Invitationen er sendt til jonas@bageriet.example" in person.content()
    assert "Inviteret" in person.locator("main").inner_text()
    person.get_by_role("link", name="Nyt tilbud").click()
    person.get_by_label("Type").select_option("trial_internship")
    person.get_by_label("Titel").fill("Snusepraktik i bageriet")
    person.get_by_label("Timer om ugen").fill("12")
    person.get_by_role("button", name="Gem").click()
    step(person, "consultant-offer")
    assert "Tilbuddet er oprettet." in person.content()

    # The network, and the places suggested for a young person on their team.
    person.goto(f"{base}/companies/network/")
    step(person, "consultant-network")
    assert "Virksomhedsnetværket" in main_text(person) and "Bageriet Ø" in main_text(person)
    person.goto(f"{base}/young/{live_world.objects['yp_b'].pk}/matches/")
    step(person, "consultant-suggestions")
    assert "Forslag" in main_text(person)

    # A round of mutual choice, opened through the pages.
    person.goto(f"{base}/matching/rounds/")
    person.get_by_label("Titel").fill("Forårets runde")
    for young in person.locator("main label", has_text="Bertil").all():
        young.click()
    person.locator("main label", has_text="Snusepraktik i bageriet").first.click()
    person.get_by_role("button", name="Åbn runden").click()
    step(person, "consultant-round")
    assert "Runden er åben. De unge kan vælge på deres side." in person.content()
    round_url = person.url

    # Bertil chooses the bakery on his own phone; the consultant ranks him for it, computes and publishes.
    bertil = person.context.browser.new_context(viewport=PHONE, locale="da-DK").new_page()
    log_in(bertil, base, "young_b@a.example", PASSWORD)
    bertil.locator("#section-rounds li", has_text="Forårets runde").get_by_role("link", name="Vælg steder").click()
    bertil.locator(".rank-item", has_text="Snusepraktik i bageriet").get_by_role("checkbox").check()
    bertil.get_by_role("button", name="Gem mine valg").click()
    assert "Dine valg er gemt. Kun du kan se dem." in bertil.content()
    person.goto(round_url)
    person.get_by_role("link", name="Virksomhedens prioritering").first.click()
    person.locator(".rank-item", has_text="Bertil").get_by_role("checkbox").check()
    person.get_by_role("button", name="Gem prioriteringen").click()
    assert "Jeres prioritering er gemt." in person.content()
    person.goto(round_url)
    person.get_by_role("button", name="Beregn forslag til resultat").click()
    assert "Forslaget til resultat er klar." in person.content()
    assert "Snusepraktik i bageriet" in person.locator("table").inner_text()
    person.get_by_role("button", name="Offentliggør resultatet").click()
    step(person, "consultant-round-published")
    assert "Offentliggjort. Hver ung med en plads har den som et forslag at sige ja eller nej til." in person.content()
    bertil.goto(f"{base}/me/")
    assert "Snusepraktik i bageriet" in bertil.locator("#waiting").inner_text()  # his yes or no waits for him
    bertil.context.close()


def test_the_workshop_leader_spots_a_talent(live_server, live_world, person):
    base = live_server.url
    log_in(person, base, "workshop_leader@a.example", PASSWORD)
    step(person, "workshop-home")
    asta = person.get_by_role("link", name="Asta Andersen").first
    assert in_first_screen(person, asta)
    asta.click()
    person.get_by_role("link", name="Et talent set").click()
    person.locator("main textarea, main input[type=text]").first.fill("Sikker hånd med lyset til koncerten")
    person.locator("main form button[type=submit]").first.click()
    step(person, "workshop-talent")
    assert "Tak. Vejlederen og virksomhedskonsulenten ser det på deres forside." in person.content()


def test_the_team_leads_day(live_server, live_world, person):
    base = live_server.url
    log_in(person, base, "lead@a.example", PASSWORD)
    # A new referral with no counsellor yet, distributed at the case review.
    fill_in_a_referral(person)
    person.get_by_role("button", name="Gem").click()
    person.goto(f"{base}/start/")
    step(person, "lead-home")
    distribute = person.get_by_role("link", name="Fordel dem på en sagsgennemgang")
    assert "Liva Mortensen" in person.locator("#distribute").inner_text()
    assert in_first_screen(person, distribute)
    distribute.click()
    person.locator("main ul.list a.row").first.click()  # the case review that is coming up
    row = person.locator("#dist li", has_text="Liva Mortensen")
    row.locator("select").select_option(index=1)
    row.get_by_role("button", name="Fordel").click()
    step(person, "lead-distributed")
    assert "Fordelt: vejlederen er indgangen, og teamet er sat op." in person.content()

    # A decision at the case review, on the right young person.
    person.get_by_role("link", name="Registrér en beslutning").click()
    picker = person.get_by_label("Ung")
    asta = picker.locator("option", has_text="Asta Andersen")
    assert asta.count() == 1  # one Asta, told apart from anyone of the same name by year and id
    picker.select_option(value=asta.get_attribute("value"))
    person.get_by_label("Beslutning").fill("Asta starter i snusepraktik hos Lumen")
    person.locator("main form button[type=submit]").first.click()
    step(person, "lead-decision")
    assert "Beslutningen er registreret. Den unge kan læse den." in person.content()
    assert "Asta starter i snusepraktik hos Lumen" in main_text(person)

    # This year's targets.
    person.goto(f"{base}/figures/targets/")
    person.get_by_label("Unge der starter et forløb").fill("30")
    person.get_by_role("button", name="Gem").click()
    step(person, "lead-targets")
    assert "Måltallene er gemt." in person.content()


def test_the_analysts_day(live_server, live_world, person):
    base = live_server.url
    log_in(person, base, "analyst@a.example", PASSWORD)
    step(person, "analyst-home")
    figures = person.get_by_role("link", name="Se tallene")
    assert in_first_screen(person, figures)
    figures.click()
    person.get_by_label("Til (og dato for øjebliksbilledet)").fill("2026-11-30")
    person.get_by_role("button", name="Vis").click()
    step(person, "analyst-figures")
    assert "30.11.2026" in main_text(person)
    assert "Asta" not in main_text(person)  # figures, never names
    with person.expect_download() as download:
        person.get_by_role("link", name="Regneark (xlsx)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
