"""The intelligent match and rounds of mutual choice, through the pages and
the services, on the real database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from brobygger.access.actor import Actor
from brobygger.audit.models import AccessLog
from brobygger.companies.models import EscoOccupation, Offer
from brobygger.core.roles import Role
from brobygger.matching import selectors, services
from brobygger.matching.models import (
    CompanyChoice,
    MatchProfile,
    MatchWeights,
    Round,
    RoundOffer,
    RoundSeat,
    YoungPersonChoice,
)
from brobygger.staircase.models import Activity
from tests.parts import whole_page


def in_a(world):
    return scope(organisation=world.org_a.pk)


def actor(world, name, role):
    return Actor(world.user(name), world.org_a, [world.org_a], {role})


def sound_offer(world, **changes):
    """A trial internship at Lumen as a sound operator in Aarhus N, with `changes`."""
    with in_a(world):
        fields = {
            "organisation": world.org_a,
            "company": world.objects["company_1"],
            "kind": "trial_internship",
            "title": "Lydoperatør ved koncerter",
            "description": "Rig lyd og lys op til koncerter",
            "capacity": 2,
            "hours_per_week": 15,
            "postcode": "8200",
            "pace": "quiet",
            "esco_occupation": EscoOccupation.objects.get(label="lydoperatør"),
        }
        return Offer.objects.create(**(fields | changes))


PROFILE = {
    "occupation_1": "lydoperatør",
    "interests": "lyd, lys",
    "accepted_distance": "2",
    "postcode": "8000",
    "travel_mode": "public",
    "max_travel_minutes": "45",
    "hours_min": "10",
    "hours_max": "20",
    "pace": "quiet",
}


def test_the_team_fills_in_what_the_young_person_looks_for_and_gets_suggestions_with_reasons(world, client_for):
    offer = sound_offer(world)
    yp = world.objects["yp_a"]
    client = client_for("counsellor_on_team")
    response = client.post(reverse("match_profile_edit", kwargs={"pk": yp.pk}), PROFILE)
    assert response.status_code == 302
    page = client.get(reverse("offers_for_young_person", kwargs={"pk": yp.pk})).content.decode()
    first = page.index("Lydoperatør ved koncerter")
    assert first < page.index("Besøg")  # the sound offer comes before company 2's visit
    assert "Drømmen selv: lydoperatør" in page
    assert "Passer til interesserne: lyd, lys" in page
    assert "min. med bus eller tog til Aarhus N" in page
    assert "Rolig, som ønsket" in page
    assert "Har en mentor" in page
    assert f"?offer={offer.pk}" in page  # a professional sends it as a proposal; the young person answers
    # The offer Asta is already in is not suggested again, and the page says so.
    assert "1 tilbud er allerede foreslået eller i gang." in page
    with in_a(world):
        assert AccessLog.objects.filter(subject_id=yp.pk, criterion="match suggestions").exists()


def test_bad_profile_input_gets_a_clear_error_and_nothing_is_saved(world, client_for):
    yp = world.objects["yp_a"]
    bad = {**PROFILE, "postcode": "0001", "hours_min": "30", "hours_max": "10", "occupation_1": "drømmejob"}
    response = client_for("counsellor_on_team").post(reverse("match_profile_edit", kwargs={"pk": yp.pk}), bad)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ukendt dansk postnummer" in page
    assert "De fleste timer kan ikke være færre end de færreste." in page
    assert "Ukendt erhverv: vælg et fra listen." in page
    with in_a(world):
        assert MatchProfile.objects.get(young_person=yp).postcode == "8000"  # the world's profile is untouched


def test_the_young_person_tells_what_they_look_for_on_their_own_page(world, client_for):
    client = client_for("young_a")
    response = client.post(reverse("own_match_profile_edit"), {**PROFILE, "interests": "musik"})
    assert response.status_code == 302
    with in_a(world):
        assert MatchProfile.objects.get(young_person=world.objects["yp_a"]).interests == "musik"
    assert "musik" in whole_page(client, reverse("portal"))


def test_young_people_for_an_offer_only_among_those_the_professional_may_see(world, client_for):
    offer = sound_offer(world)
    url = reverse("young_people_for_offer", kwargs={"pk": offer.pk})
    consultant = client_for("consultant").get(url).content.decode()  # on Bertil's team only
    assert "Bertil" in consultant and "Asta" not in consultant
    lead = client_for("lead").get(url).content.decode()
    assert "Asta" in lead and "Bertil" in lead and "Otto" not in lead
    assert lead.index("Asta") < lead.index("Bertil")  # Asta's profile fits; Bertil has none


def test_the_lead_sets_the_weights_and_they_change_the_order(world, client_for):
    near = sound_offer(world)
    far = sound_offer(world, title="Lydoperatør i Aalborg", postcode="9000", capacity=1)
    yp = world.objects["yp_a"]
    client_for("counsellor_on_team").post(reverse("match_profile_edit", kwargs={"pk": yp.pk}), PROFILE)
    url = reverse("offers_for_young_person", kwargs={"pk": yp.pk})
    page = client_for("lead").get(url).content.decode()
    assert page.index(near.title) < page.index(far.title)
    lead = client_for("lead")
    zero = dict.fromkeys(["occupation", "interests", "dream_distance", "environment", "hours", "record"], "0")
    refused = lead.post(reverse("match_weights"), {**zero, "commute": "0", "readiness": "0"})
    assert "Mindst ét signal skal tælle." in refused.content.decode()
    assert lead.post(reverse("match_weights"), {**zero, "commute": "10", "readiness": "0"}).status_code == 302
    with in_a(world):
        assert MatchWeights.objects.get().commute == 10


# Rounds of mutual choice.


def open_round(world, offers=None):
    lead = actor(world, "lead", Role.TEAM_LEAD)
    with in_a(world):
        return services.create_round(
            lead,
            title="Forårsrunden",
            choose_by=None,
            young_people=[world.objects["yp_a"], world.objects["yp_b"]],
            offers=offers or [sound_offer(world), world.objects["offer_2"]],
        )


def seat_of(round_, key, world):
    with in_a(world):
        return RoundSeat.objects.get(round=round_, young_person=world.objects[key])


def offers_of(round_, world):
    with in_a(world):
        return list(RoundOffer.objects.filter(round=round_).order_by("offer__title"))


def test_a_whole_round_from_choices_to_published_proposals(world, client_for):
    round_ = open_round(world)
    visit, sound = offers_of(round_, world)  # "Besøg" (Radar), "Lydoperatør…" (Lumen)
    asta, bertil = seat_of(round_, "yp_a", world), seat_of(round_, "yp_b", world)
    # The young people choose in private, on their own page.
    young = client_for("young_a")
    url = reverse("rank_offers", kwargs={"pk": asta.pk})
    # Moving a card up comes back with the new order and saves nothing.
    moved = young.post(url, {"order": f"{visit.pk},{sound.pk}", "chosen": [sound.pk], "move": f"{sound.pk}:up"})
    assert moved.status_code == 200 and "Flyttet. Gem, når rækkefølgen er rigtig." in moved.content.decode()
    assert moved.context["form"].rows()[0][1] == str(sound.pk)
    with in_a(world):
        assert not YoungPersonChoice.objects.filter(seat=asta).exists()
    ranking = {"order": f"{sound.pk},{visit.pk}", "chosen": [sound.pk, visit.pk], "note": "Jeg elsker lyd"}
    assert young.post(url, ranking).status_code == 302
    with in_a(world):
        assert list(
            YoungPersonChoice.objects.filter(seat=asta).order_by("rank").values_list("round_offer", flat=True)
        ) == [
            sound.pk,
            visit.pk,
        ]
    bertil_url = reverse("rank_offers", kwargs={"pk": bertil.pk})
    client_for("young_b").post(bertil_url, {"order": f"{sound.pk},{visit.pk}", "chosen": [sound.pk]})
    # The company sees who chose it (first name, age, note), never how they ranked.
    mentor = client_for("mentor_with_consent")
    page = mentor.get(reverse("rank_applicants", kwargs={"pk": sound.pk})).content.decode()
    assert "Asta, 20 år" in page and "Jeg elsker lyd" in page and "Bertil" in page
    assert "Besøg" not in page and "Andersen" not in page
    applicants = {"order": f"{bertil.pk},{asta.pk}", "chosen": [bertil.pk]}
    assert mentor.post(reverse("rank_applicants", kwargs={"pk": sound.pk}), applicants).status_code == 302
    # Radar's mentor ranks Asta for the visit.
    radar = client_for("mentor_without_consent")
    assert "Lydoperatør" not in radar.get(reverse("rank_applicants", kwargs={"pk": visit.pk})).content.decode()
    radar.post(reverse("rank_applicants", kwargs={"pk": visit.pk}), {"order": str(asta.pk), "chosen": [asta.pk]})
    # Staff compute; the young people see nothing of the result yet.
    staff = client_for("lead")
    staff.post(reverse("round_compute", kwargs={"pk": round_.pk}))
    with in_a(world):
        assert RoundSeat.objects.get(pk=asta.pk).result_id == visit.pk
        assert RoundSeat.objects.get(pk=bertil.pk).result_id == sound.pk
    assert "Du fik en plads" not in whole_page(young, reverse("portal"))
    detail = staff.get(reverse("round_detail", kwargs={"pk": round_.pk})).content.decode()
    assert "Offentliggør resultatet" in detail
    # Publishing turns each place into a proposal to say yes or no to.
    assert staff.post(reverse("round_publish", kwargs={"pk": round_.pk})).status_code == 302
    with in_a(world):
        proposed = Activity.objects.filter(state=Activity.State.PROPOSED, offer__in=[visit.offer, sound.offer])
        assert {(a.young_person_id, a.offer_id) for a in proposed} == {
            (world.objects["yp_a"].pk, visit.offer_id),
            (world.objects["yp_b"].pk, sound.offer_id),
        }
        assert Round.objects.get(pk=round_.pk).state == Round.State.PUBLISHED
    assert "Du fik en plads: Besøg hos Radar" in whole_page(young, reverse("portal"))
    # Published is final: choices, publishing again and closing are refused with a message.
    again = staff.post(reverse("round_publish", kwargs={"pk": round_.pk}), follow=True).content.decode()
    assert "Runden er offentliggjort; intet i den kan ændres." in again
    assert (
        "Runden er offentliggjort"
        in staff.post(reverse("round_close", kwargs={"pk": round_.pk}), follow=True).content.decode()
    )
    with in_a(world):
        assert Activity.objects.filter(offer__in=[visit.offer, sound.offer], state="proposed").count() == 2


def test_unmatched_young_people_are_told_why_to_staff(world, client_for):
    round_ = open_round(world)
    _visit, sound = offers_of(round_, world)
    lead = actor(world, "lead", Role.TEAM_LEAD)
    asta = seat_of(round_, "yp_a", world)
    with in_a(world):
        services.rank_offers(actor(world, "young_a", Role.YOUNG_PERSON), asta, ranking=[sound])
        services.compute(lead, round_)
    page = client_for("lead").get(reverse("round_detail", kwargs={"pk": round_.pk})).content.decode()
    assert "Valgte ingen tilbud." in page  # Bertil
    assert "Ingen af de virksomheder, de valgte, satte dem på deres liste." in page  # Asta


def test_leaving_mid_round_deletes_the_choices_and_the_old_result_cannot_be_published(world, client_for):
    round_ = open_round(world)
    visit, sound = offers_of(round_, world)
    lead = actor(world, "lead", Role.TEAM_LEAD)
    young_b = actor(world, "young_b", Role.YOUNG_PERSON)
    bertil = seat_of(round_, "yp_b", world)
    with in_a(world):
        services.rank_offers(young_b, bertil, ranking=[sound])
        services.rank_applicants(lead, sound, ranking=[bertil])
        services.compute(lead, round_)
    client_for("young_b").post(reverse("leave_round", kwargs={"pk": bertil.pk}))
    with in_a(world):
        assert not YoungPersonChoice.objects.filter(seat=bertil).exists()
        assert not CompanyChoice.objects.filter(seat=bertil).exists()
        with pytest.raises(services.MatchError, match="Beregn det igen"):
            services.publish(lead, Round.objects.get(pk=round_.pk))
        with pytest.raises(services.MatchError, match="allerede forladt"):
            services.leave(lead, RoundSeat.objects.get(pk=bertil.pk))
        outcome = services.compute(lead, round_)
        assert bertil.pk not in outcome.assignment
        services.publish(lead, Round.objects.get(pk=round_.pk))
        assert not Activity.objects.filter(young_person=world.objects["yp_b"], offer=sound.offer).exists()


def test_publishing_is_all_or_nothing(world):
    round_ = open_round(world)
    visit, sound = offers_of(round_, world)
    lead = actor(world, "lead", Role.TEAM_LEAD)
    asta, bertil = seat_of(round_, "yp_a", world), seat_of(round_, "yp_b", world)
    with in_a(world):
        services.rank_offers(actor(world, "young_a", Role.YOUNG_PERSON), asta, ranking=[visit])
        services.rank_offers(actor(world, "young_b", Role.YOUNG_PERSON), bertil, ranking=[sound])
        services.rank_applicants(lead, visit, ranking=[asta])
        services.rank_applicants(lead, sound, ranking=[bertil])
        services.compute(lead, round_)
        # Meanwhile Radar's visit got closed to new placements: its only place is taken.
        Offer.objects.filter(pk=visit.offer_id).update(capacity=0)
        with pytest.raises(services.MatchError, match="Intet blev offentliggjort"):
            services.publish(lead, Round.objects.get(pk=round_.pk))
        assert not Activity.objects.filter(offer__in=[visit.offer, sound.offer], state="proposed").exists()
        assert Round.objects.get(pk=round_.pk).state == Round.State.OPEN


def test_bad_input_to_a_round(world, client_for):
    lead = actor(world, "lead", Role.TEAM_LEAD)
    full = sound_offer(world, is_open=True)
    with in_a(world):
        Offer.objects.filter(pk=full.pk).update(capacity=0)
        full.refresh_from_db()
        with pytest.raises(services.MatchError, match="ingen ledige pladser"):
            services.create_round(lead, title="x", choose_by=None, young_people=[world.objects["yp_a"]], offers=[full])
        with pytest.raises(services.MatchError, match="mindst én ung"):
            services.create_round(lead, title="x", choose_by=None, young_people=[], offers=[world.objects["offer_2"]])
        assert not Round.objects.filter(title="x").exists()
    round_ = open_round(world)
    visit, sound = offers_of(round_, world)
    asta, bertil = seat_of(round_, "yp_a", world), seat_of(round_, "yp_b", world)
    with in_a(world):
        with pytest.raises(services.MatchError, match="to gange"):
            services.rank_offers(actor(world, "young_a", Role.YOUNG_PERSON), asta, ranking=[sound, visit, sound])
        with pytest.raises(services.MatchError, match="kun vælge unge, der har valgt"):
            services.rank_applicants(lead, sound, ranking=[asta])
        services.close(lead, round_)
        with pytest.raises(services.MatchError, match="lukket"):
            services.close(lead, round_)
        with pytest.raises(services.MatchError, match="lukket"):
            services.rank_offers(actor(world, "young_b", Role.YOUNG_PERSON), bertil, ranking=[sound])
    # The young person is told the round is finished.
    page = client_for("young_a").get(reverse("rank_offers", kwargs={"pk": asta.pk})).content.decode()
    assert "Runden er slut." in page


def test_the_round_page_form_refuses_an_empty_round(world, client_for):
    response = client_for("lead").post(reverse("rounds"), {"title": "Tom runde"})
    page = response.content.decode()
    assert response.status_code == 200 and "Dette felt er påkrævet." in page
    with in_a(world):
        assert not Round.objects.filter(title="Tom runde").exists()


def test_suggestions_take_the_same_number_of_queries_for_one_offer_or_many(world, client_for):
    yp = world.objects["yp_a"]
    client = client_for("counsellor_on_team")
    client.post(reverse("match_profile_edit", kwargs={"pk": yp.pk}), PROFILE)
    url = reverse("offers_for_young_person", kwargs={"pk": yp.pk})

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    with in_a(world):
        Offer.objects.bulk_create(
            Offer(organisation=world.org_a, company=world.objects["company_2"], kind="visit", title=f"Besøg {i}")
            for i in range(25)
        )
    assert queries() == few


def test_the_companys_record_and_readiness_come_from_its_placements_mentors_and_certificates(world):
    offer = sound_offer(world)
    with in_a(world):
        [slot] = selectors.slots(Offer.objects.filter(pk=offer.pk))
        [other] = selectors.slots(Offer.objects.filter(pk=world.objects["offer_2"].pk))
    # Lumen: the world's ended internship with an issued certificate, and a mentor.
    assert (slot.completed, slot.ended_early, slot.certificates, slot.has_mentor) == (1, 0, 1, True)
    assert (other.completed, other.certificates) == (1, 1)  # Radar: Bertil's certificate
    assert slot.free_places == 2 and slot.hours == 15.0 and slot.environment["pace"] == "quiet"
    assert slot.occupation.label == "lydoperatør" and "koncerter" in slot.text
