"""Measures: item-level answers, scoring in code, and a WHO-5 of 28 or less
asking the counsellor to get in touch."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django_scopes import scope

from brobygger.outcomes import selectors
from brobygger.outcomes.instruments import INSTRUMENTS, WHO5, score
from brobygger.outcomes.models import Attention, OwnInstrument, Response
from tests.parts import whole_page


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"1": 5, "2": 5, "3": 5, "4": 5, "5": 5}, Decimal(100)),  # best possible
        ({"1": 0, "2": 0, "3": 0, "4": 0, "5": 0}, Decimal(0)),
        ({"1": 3, "2": 3, "3": 3, "4": 3, "5": 3}, Decimal(60)),  # raw 15 × 4
        ({"1": 2, "2": 1, "3": 2, "4": 1, "5": 1}, Decimal(28)),  # raw 7: the contact threshold
        ({"1": 3, "2": 3, "3": 3, "4": 3}, None),  # WHO-5 needs all five
    ],
)
def test_who5_scoring(answers, expected):
    assert score("who5", answers) == expected


def test_loneliness_scoring_needs_all_three_and_sums_3_to_9():
    assert score("loneliness3", {"1": 3, "2": 3, "3": 3}) == Decimal(9)
    assert score("loneliness3", {"1": 1, "2": 1, "3": 1}) == Decimal(3)
    assert score("loneliness3", {"1": 3, "2": 3}) is None


def test_single_items_are_their_own_score():
    assert score("job_distance", {"belief": 7, "health": 8}) == Decimal("7.5")
    assert score("job_distance_staff", {"chance": 4}) == Decimal(4)
    assert score("job_distance", {}) is None


def test_who5_has_the_danish_text_and_six_options():
    assert len(WHO5.items) == 5 and len(WHO5.options) == 6
    assert WHO5.item_text(WHO5.items[0], "da") == "I de sidste 2 uger har jeg været glad og i godt humør"
    assert set(INSTRUMENTS) == {
        "who5",
        "gse10",
        "loneliness3",
        "loneliness_direct",
        "job_distance",
        "job_distance_staff",
    }


def gse(*values):
    return {str(i): v for i, v in enumerate(values, start=1) if v is not None}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (gse(4, 4, 4, 4, 4, 4, 4, 4, 4, 4), Decimal(40)),  # highest
        (gse(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), Decimal(10)),  # lowest
        (gse(3, 3, 3, 3, 3, 3, 3, 3, 2, 2), Decimal(28)),  # near the usual median of 29
        (gse(3, 3, 3, 3, 3, 3, 3, None, None, None), Decimal(30)),  # 3 missing: mean 3 × 10
        (gse(4, 3, 4, 3, 4, 3, 4, None, None, None), Decimal("35.7")),  # 25 / 7 × 10
        (gse(3, 3, 3, 3, 3, 3, None, None, None, None), None),  # 4 missing: not scored
    ],
)
def test_gse10_scoring_allows_up_to_three_missing(answers, expected):
    assert score("gse10", answers) == expected


def test_gse10_with_four_missing_is_refused_with_a_clear_message(world, client_for):
    data = {f"item_{i}": "3" for i in range(1, 7)}
    response = client_for("young_a").post(reverse("own_measure_answer", kwargs={"instrument": "gse10"}), data)
    assert response.status_code == 200
    assert "mindst 7 af de 10" in response.content.decode()
    with scope(organisation=world.org_a.pk):
        assert not Response.objects.filter(instrument="gse10").exists()


def test_gse10_with_three_missing_is_stored_with_every_given_item(world, client_for):
    data = {f"item_{i}": "2" for i in range(1, 8)}
    response = client_for("young_a").post(reverse("own_measure_answer", kwargs={"instrument": "gse10"}), data)
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        answer = Response.objects.get(instrument="gse10")
    assert answer.answers == {str(i): 2 for i in range(1, 8)} and answer.score == 20


def who5_post(value):
    return {f"item_{i}": str(value) for i in range(1, 6)}


def test_young_person_answers_who5_and_a_low_score_asks_for_contact(world, client_for):
    response = client_for("young_a").post(reverse("own_measure_answer", kwargs={"instrument": "who5"}), who5_post(1))
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        answer = Response.objects.filter(young_person=world.objects["yp_a"]).latest("answered_at")
        attention = Attention.objects.get(response=answer)
    assert answer.answers == {str(i): 1 for i in range(1, 6)} and answer.score == 20
    assert (answer.instrument, answer.version, answer.language, answer.mode) == ("who5", "1998", "da", "self")
    assert attention.for_user == world.user("counsellor_on_team")
    home = client_for("counsellor_on_team").get(reverse("home")).content.decode()
    assert "Tag kontakt snart" in home and "depressi" not in home.lower()  # never a label
    portal = whole_page(client_for("young_a"), reverse("portal"))
    assert "tage kontakt til dig snart" in portal


def test_a_good_score_asks_for_nothing(world, client_for):
    client_for("young_a").post(reverse("own_measure_answer", kwargs={"instrument": "who5"}), who5_post(4))
    with scope(organisation=world.org_a.pk):
        answer = Response.objects.filter(young_person=world.objects["yp_a"]).latest("answered_at")
        assert answer.score == 80 and not Attention.objects.filter(response=answer).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"item_1": "3", "item_2": "3", "item_3": "3", "item_4": "3"},  # one missing
        {**who5_post(3), "item_5": "9"},  # not an option
        {**who5_post(3), "item_5": "<script>"},
    ],
)
def test_incomplete_or_invalid_answers_write_nothing(world, client_for, data):
    with scope(organisation=world.org_a.pk):
        before = Response.objects.count()
    response = client_for("young_a").post(reverse("own_measure_answer", kwargs={"instrument": "who5"}), data)
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    with scope(organisation=world.org_a.pk):
        assert Response.objects.count() == before


def test_staff_read_aloud_and_their_own_view(world, client_for):
    client = client_for("counsellor_on_team")
    yp = world.objects["yp_a"]
    client.post(
        reverse("measure_answer", kwargs={"pk": yp.pk, "instrument": "who5"}), {**who5_post(3), "mode": "read_aloud"}
    )
    client.post(
        reverse("measure_answer", kwargs={"pk": yp.pk, "instrument": "job_distance_staff"}), {"item_chance": "6"}
    )
    with scope(organisation=world.org_a.pk):
        mine = Response.objects.filter(young_person=yp, respondent=world.user("counsellor_on_team"))
        assert mine.filter(instrument="who5", mode="read_aloud", score=60).count() == 1
        assert mine.get(instrument="job_distance_staff").score == 6
    # The young person cannot answer the professional's own view.
    assert (
        client_for("young_a")
        .get(reverse("own_measure_answer", kwargs={"instrument": "job_distance_staff"}))
        .status_code
        == 404
    )


def test_the_counsellor_marks_the_contact_done(world, client_for):
    attention = world.objects["attention_a"]
    client_for("counsellor_on_team").post(reverse("attention_done", kwargs={"pk": attention.pk}))
    with scope(organisation=world.org_a.pk):
        attention.refresh_from_db()
    assert attention.done_at is not None and attention.done_by == world.user("counsellor_on_team")


WEMWBS_LIKE = {
    "title": "Licenseret trivselsmål",
    "key": "licensed",
    "version": "2",
    "respondent": "young_person",
    "intro": "Tænk på de sidste to uger.",
    "items": "Jeg har følt mig optimistisk\nJeg har følt mig nyttig\n\nJeg har følt mig afslappet",
    "options": "1 = Aldrig\n2 = Sjældent\n3 = Nogle gange\n4 = Ofte\n5 = Hele tiden",
    "scoring": "sum",
    "max_missing": "0",
    "licence": "Licens nr. 123 til vores organisation",
}


def test_an_organisation_adds_its_own_licensed_measure_and_young_people_answer_it(world, client_for):
    lead = client_for("lead")
    assert lead.post(reverse("own_instruments"), WEMWBS_LIKE).status_code == 302
    young = client_for("young_a")
    assert "Licenseret trivselsmål" in young.get(reverse("own_measures")).content.decode()
    url = reverse("own_measure_answer", kwargs={"instrument": "own-licensed"})
    response = young.post(url, {"item_1": "4", "item_2": "5", "item_3": "3"})
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        answer = Response.objects.get(instrument="own-licensed")
        assert answer.definition.title["da"] == "Licenseret trivselsmål"
    assert answer.answers == {"1": 4, "2": 5, "3": 3} and answer.score == 12 and answer.version == "2"
    with scope(organisation=world.org_b.pk):  # another organisation does not have it
        assert selectors.instrument("own-licensed") is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("options", "1 = Aldrig", "Giv mellem 2 og 11 svar."),
        ("options", "en = Aldrig\n2 = Tit", "Skriv hvert svar som et helt tal, =, og dets tekst."),
        ("options", "1 = Aldrig\n1 = Tit", "Hvert svar skal have sin egen værdi."),
        ("items", "   \n  ", "Skriv mindst ét spørgsmål."),
    ],
)
def test_a_bad_own_measure_is_refused_and_nothing_is_written(world, client_for, field, value, message):
    html = client_for("lead").post(reverse("own_instruments"), {**WEMWBS_LIKE, field: value}).content.decode()
    assert message in html
    with scope(organisation=world.org_a.pk):
        assert not OwnInstrument.objects.exists()
