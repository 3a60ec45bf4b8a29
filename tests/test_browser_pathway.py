"""End to end on a 375 px phone: notes in three taps, read by the
young person; a no to a proposal, seen by the counsellor."""

import pytest

from tests.browser import PASSWORD, Taps, assert_no_horizontal_scroll, log_in, log_out, world_with_passwords

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    return world_with_passwords("counsellor_on_team", "young_a")


def test_note_tagged_dream_track_in_three_taps_then_read_by_the_young_person(live_server, live_world, phone):
    log_in(phone, live_server.url, "counsellor_on_team@a.example", PASSWORD)
    tap = Taps(phone)
    tap(phone.get_by_role("link", name="Skriv en note om Asta Andersen"))
    phone.keyboard.type("Asta fortalte om drømmen: at lave lys til koncerter.")  # the text field has focus
    tap(phone.get_by_label("Drømmespor"))
    tap(phone.get_by_role("button", name="Gem noten"))
    assert tap.count <= 3
    assert "Noten er gemt" in phone.content()
    assert_no_horizontal_scroll(phone)

    log_out(phone)
    log_in(phone, live_server.url, "young_a@a.example", PASSWORD)
    notes = phone.locator("#section-notes")
    assert "Asta fortalte om drømmen" in notes.inner_text()
    assert "Drømmespor" in notes.inner_text()
    assert_no_horizontal_scroll(phone)


def test_young_person_says_no_and_the_counsellor_sees_it(live_server, live_world, phone):
    log_in(phone, live_server.url, "young_a@a.example", PASSWORD)
    proposal = phone.locator("#section-activities li", has_text="Besøg hos Lumen A")
    tap = Taps(phone)
    tap(proposal.get_by_role("button", name="Nej"))
    assert tap.count == 1
    assert "Du behøver ikke give en grund" in phone.content()
    log_out(phone)

    log_in(phone, live_server.url, "counsellor_on_team@a.example", PASSWORD)
    phone.get_by_role("link", name="Asta Andersen").first.click()
    phone.wait_for_load_state("networkidle")
    row = phone.locator("li", has_text="Besøg hos Lumen A")
    assert "Nej fra den unge" in row.inner_text()


def test_status_changes_in_two_taps_on_the_young_persons_page(live_server, live_world, phone):
    log_in(phone, live_server.url, "counsellor_on_team@a.example", PASSWORD)
    tap = Taps(phone)
    tap(phone.get_by_role("link", name="Asta Andersen").first)
    on_page = tap.count
    tap(phone.get_by_text("Skift status"))
    tap(phone.get_by_role("button", name="Virksomhedspraktik (ulønnet)"))
    assert tap.count - on_page == 2 and tap.count <= 3
    assert "Status: Virksomhedspraktik (ulønnet)" in phone.content()
    assert_no_horizontal_scroll(phone)


def test_follow_up_contact_in_two_taps_from_the_home_screen(live_server, live_world, phone):
    log_in(phone, live_server.url, "counsellor_on_team@a.example", PASSWORD)
    due = phone.locator("li.due-item", has_text="Asta Andersen").first
    assert "Forfalden" in due.inner_text()
    tap = Taps(phone)
    tap(due.get_by_text("Fik fat", exact=True))
    tap(due.get_by_role("button", name="Det går godt"))
    assert tap.count == 2
    assert "Opfølgningen er registreret" in phone.content()
    assert_no_horizontal_scroll(phone)


def test_answer_who5_with_three_taps_besides_the_answers(live_server, live_world, phone):
    """From the young person's home: open the questions, open WHO-5, send.
    Choosing the five answers is the content, like typing a note."""
    log_in(phone, live_server.url, "young_a@a.example", PASSWORD)
    tap = Taps(phone)
    tap(phone.get_by_role("link", name="Svar på spørgsmålene om, hvordan du har det"))
    tap(phone.get_by_role("link", name="Trivsel (WHO-5)"))
    for question in phone.locator("fieldset.question").all():
        question.get_by_text("Det meste af tiden").click()
    tap(phone.get_by_role("button", name="Send mine svar"))
    assert tap.count <= 3
    assert "Tak for dine svar" in phone.content()
    assert_no_horizontal_scroll(phone)


def test_the_young_persons_page_comes_whole_and_the_counsellor_scrolls_to_the_team(live_server, live_world, phone):
    """The counsellor opens Asta's page: where she is on the way, the plan, the conversations, the
    activities and the team are all there as the page is shown, nothing still loading, and the
    team is at the bottom of the one page."""
    log_in(phone, live_server.url, "counsellor_on_team@a.example", PASSWORD)
    requests = []
    phone.on("request", lambda request: requests.append(request.url))
    phone.get_by_role("link", name="Asta Andersen").first.click()
    phone.wait_for_load_state("networkidle")
    asked = [url for url in requests if "/young/" in url]
    assert len(asked) == 1, asked  # the page alone: no list is asked for after it
    assert phone.locator("[aria-busy=true]").count() == 0
    for section in ("#notes", "#act", "#teamcard"):
        assert phone.locator(section).count() == 1, section
    assert "Vi talte om lyd og lys A" in phone.locator("#notes").inner_text()
    team = phone.locator("#teamcard")
    team.scroll_into_view_if_needed()
    assert team.is_visible() and "Mette" in team.inner_text()
    assert_no_horizontal_scroll(phone)
    phone.screenshot(path="docs/screenshots/young-person-whole-375.png", full_page=True)
