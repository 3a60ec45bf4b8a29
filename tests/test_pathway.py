"""Pathway, status history and the plan with its two tracks."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from brobygger.access.actor import Actor
from brobygger.core.roles import Role
from brobygger.pathways import services
from brobygger.pathways.models import Pathway, PlanStep, StatusCode, StatusEntry
from brobygger.pathways.selectors import next_good_step
from tests.parts import whole_page


def in_a(world):
    return scope(organisation=world.org_a.pk)


def yp_url(name, world, key="yp_a"):
    return reverse(name, kwargs={"pk": world.objects[key].pk})


def code(axis, value):
    return StatusCode.objects.get(axis=axis, code=value)


# The pathway starts with the young person's yes


def test_young_person_says_yes_in_their_portal(world, client_for):
    yp_b = world.objects["yp_b"]
    client = client_for("young_b")
    page = whole_page(client, reverse("portal"))
    assert "Jeg siger ja" in page
    response = client.post(reverse("own_accept"), {"on": timezone.localdate().isoformat(), "how": "Efter et besøg"})
    assert response.status_code == 302
    with in_a(world):
        pathway = Pathway.objects.get(young_person=yp_b)
    assert pathway.state == Pathway.State.ACTIVE and pathway.accepted_how == "Efter et besøg"


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (lambda: timezone.localdate() + timedelta(days=1), "i fremtiden"),
        (lambda: date(2026, 8, 1), "før henvisningen"),
    ],
)
def test_a_yes_in_the_future_or_before_the_referral_is_refused(world, client_for, day, message):
    response = client_for("counsellor_off_team").post(
        yp_url("pathway_accept", world, "yp_b"), {"on": day().isoformat()}
    )
    assert response.status_code == 200 and message in response.content.decode()
    with in_a(world):
        assert not Pathway.objects.filter(young_person=world.objects["yp_b"]).exists()


# Status in two taps, history only added to


def test_status_changes_in_two_taps_and_keeps_the_income(world, client_for):
    client = client_for("counsellor_on_team")
    page = whole_page(client, yp_url("young_person_detail", world))
    assert "Skift status" in page  # tap 1 opens the list
    with in_a(world):
        internship = code("activity", "company_placement")
    response = client.post(yp_url("status_quick", world), {"activity": internship.pk})  # tap 2
    assert response.status_code == 302
    with in_a(world):
        history = list(StatusEntry.objects.filter(young_person=world.objects["yp_a"]))
    assert len(history) == 2
    assert history[0].activity.code == "company_placement"
    assert history[0].income.code == "kontanthjaelp_basic"  # unchanged
    assert history[0].valid_from == timezone.localdate()


def test_the_status_history_is_never_rewritten(world):
    with in_a(world):
        entry = StatusEntry.objects.filter(young_person=world.objects["yp_a"]).first()
        entry.note = "rewritten"
        with pytest.raises(ValueError):
            entry.save()


def test_back_dated_status_is_added_to_the_history_in_date_order(world, client_for):
    client = client_for("counsellor_on_team")
    with in_a(world):
        job_seeking = code("activity", "job_seeking")
    response = client.post(
        yp_url("status_change", world), {"activity": job_seeking.pk, "valid_from": "2026-08-01", "note": "Rettet"}
    )
    assert response.status_code == 302
    with in_a(world):
        history = [e.activity.code for e in StatusEntry.objects.filter(young_person=world.objects["yp_a"])]
    assert history == ["assessment", "job_seeking"]  # newest first, by the date it took effect


@pytest.mark.parametrize(
    ("activity", "income", "valid_from", "message"),
    [
        ("job_seeking", "uddannelseshjaelp", "2025-08-01", "ikke i brug"),
        ("job_seeking", None, (timezone.localdate() + timedelta(days=2)).isoformat(), "fremtiden"),
        ("job_seeking", None, "2019-01-01", "to år"),
    ],
)
def test_bad_status_input_is_refused_and_nothing_is_written(world, client_for, activity, income, valid_from, message):
    with in_a(world):
        data = {"activity": code("activity", activity).pk, "valid_from": valid_from}
        if income:
            data["income"] = code("income", income).pk
        before = StatusEntry.objects.count()
    response = client_for("counsellor_on_team").post(yp_url("status_change", world), data)
    assert response.status_code == 200 and message in response.content.decode()
    with in_a(world):
        assert StatusEntry.objects.count() == before


def test_codes_abolished_by_the_2025_reform_are_valid_before_it(world, client_for):
    with in_a(world):
        data = {
            "activity": code("activity", "job_seeking").pk,
            "income": code("income", "uddannelseshjaelp").pk,
            "valid_from": "2025-06-01",
        }
    if timezone.localdate() - date(2025, 6, 1) > timedelta(days=2 * 365):
        pytest.skip("after May 2027 a pre-reform date is beyond the two-year back-dating limit")
    response = client_for("counsellor_on_team").post(yp_url("status_change", world), data)
    assert response.status_code == 302


# The plan


def step_data(**overrides):
    data = {"track": "livelihood", "goal": "Søge job i en café", "due": "", "helper_text": "", "dream_distance": ""}
    data.update(overrides)
    return data


def test_counsellor_adds_a_step_and_it_becomes_the_next_good_step(world, client_for):
    client = client_for("counsellor_on_team")
    soon = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(yp_url("step_create", world), step_data(due=soon, dream_distance="3"))
    assert response.status_code == 302
    page = whole_page(client, yp_url("young_person_detail", world))
    top = page.split("Det næste gode skridt")[1][:400]
    assert "Søge job i en café" in top
    assert "Langt fra drømmen, men meningsfuldt" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"goal": "   "}, "Skriv målet"),
        ({"due": "2020-01-01"}, "fortiden"),
        ({"due": (timezone.localdate() + timedelta(days=4 * 365)).isoformat()}, "tre år"),
        ({"track": "both"}, "gyldig valgmulighed"),
        ({"goal": "x" * 301}, "højst have 300 tegn"),
    ],
)
def test_bad_step_input_gets_a_danish_message_and_writes_nothing(world, client_for, overrides, message):
    with in_a(world):
        before = PlanStep.objects.count()
    response = client_for("counsellor_on_team").post(yp_url("step_create", world), step_data(**overrides))
    assert response.status_code == 200 and message in response.content.decode()
    with in_a(world):
        assert PlanStep.objects.count() == before


def test_two_counsellors_saving_the_same_step_lose_nothing(world, client_for):
    step = world.objects["step_a"]
    url = reverse("step_edit", kwargs={"pk": step.pk})
    first, second = client_for("counsellor_on_team"), client_for("lead")
    stale_version = step.version
    assert first.post(url, step_data(goal="Første udgave", version=stale_version)).status_code == 302
    response = second.post(url, step_data(goal="Anden udgave", version=stale_version))
    assert response.status_code == 200
    assert "En anden har ændret skridtet" in response.content.decode()
    assert "Anden udgave" in response.content.decode()  # the second writer's text is kept on screen
    with in_a(world):
        step.refresh_from_db()
    assert step.goal == "Første udgave"


def test_two_people_saving_the_tracks_lose_nothing(world, client_for):
    url = yp_url("tracks_edit", world)
    with in_a(world):
        version = Pathway.objects.get(young_person=world.objects["yp_a"]).version
    ok = client_for("counsellor_on_team").post(url, {"dream": "Lystekniker", "livelihood": "Café", "version": version})
    assert ok.status_code == 302
    clash = client_for("young_a").post(reverse("own_tracks_edit"), {"dream": "Min drøm", "version": version})
    assert clash.status_code == 200 and "En anden har ændret planen" in clash.content.decode()
    with in_a(world):
        assert Pathway.objects.get(young_person=world.objects["yp_a"]).dream == "Lystekniker"


def test_the_young_person_adds_their_own_step_and_ticks_it_off(world, client_for):
    client = client_for("young_a")
    response = client.post(reverse("own_step_create"), step_data(goal="Spørge om snusepraktik", track="dream"))
    assert response.status_code == 302
    with in_a(world):
        step = PlanStep.objects.get(goal="Spørge om snusepraktik")
    assert step.created_by == world.user("young_a")
    client.post(reverse("step_toggle", kwargs={"pk": step.pk}))
    with in_a(world):
        step.refresh_from_db()
    assert step.is_done


def test_next_good_step_prefers_the_earliest_open_dated_step():
    today = date(2026, 11, 1)
    now = timezone.now()
    steps = [
        PlanStep(goal="undated", created_at=now),
        PlanStep(goal="later", due=today + timedelta(days=9), created_at=now),
        PlanStep(goal="done", due=today, done_at=now, created_at=now),
        PlanStep(goal="sooner", due=today + timedelta(days=2), created_at=now),
    ]
    assert next_good_step(steps).goal == "sooner"
    assert next_good_step([steps[0]]).goal == "undated"
    assert next_good_step([steps[2]]) is None


def test_mentor_with_plan_consent_sees_the_plan_but_never_the_notes(world, client_for):
    from brobygger.consent.models import Consent

    page = whole_page(client_for("mentor_with_consent"), yp_url("young_person_detail", world))
    assert "Besøge et lydstudie A" not in page and "Vi talte om lyd og lys A" not in page
    with in_a(world):
        Consent.objects.filter(pk=world.objects["consent_a"].pk).update(categories=["identity", "plan"])
    page = whole_page(client_for("mentor_with_consent"), yp_url("young_person_detail", world))
    assert "Besøge et lydstudie A" in page
    assert "Vi talte om lyd og lys A" not in page


def test_the_phase_changes_in_two_taps_and_bad_phases_are_refused(world, client_for):
    client = client_for("counsellor_on_team")
    url = reverse("phase_change", kwargs={"pk": world.objects["yp_a"].pk})
    assert "Skift fase" in whole_page(client, yp_url("young_person_detail", world))
    client.post(url, {"phase": "activities"})
    with in_a(world):
        assert Pathway.objects.get(young_person=world.objects["yp_a"]).phase == "activities"
    refused = client.post(url, {"phase": "nirvana"}, follow=True)
    assert "Vælg en fase" in refused.content.decode()
    with in_a(world):
        assert Pathway.objects.get(young_person=world.objects["yp_a"]).phase == "activities"


def test_an_income_scheme_that_has_ended_is_not_carried_into_a_later_status(world):
    """Like uddannelseshjælp on 30 June 2025: after a scheme has ended, no income is carried over (not refused)."""
    today = timezone.localdate()
    ended = StatusCode.objects.create(
        axis="income",
        code="old_scheme",
        label_da="Gammel ydelse",
        label_en="Old benefit",
        valid_from=today - timedelta(days=40),
        valid_to=today - timedelta(days=20),
    )
    with in_a(world):
        young_person = world.objects["yp_a"]
        actor = Actor(world.user("counsellor_on_team"), world.org_a, [world.org_a], {Role.COUNSELLOR})
        services.change_status(
            actor,
            young_person,
            activity=code("activity", "job_seeking"),
            income=ended,
            valid_from=today - timedelta(days=30),
        )
        after = services.change_status(
            actor, young_person, activity=code("activity", "education"), valid_from=today - timedelta(days=10)
        )
        assert after.income is None
        before = services.change_status(
            actor, young_person, activity=code("activity", "short_course"), valid_from=today - timedelta(days=25)
        )
        assert before.income == ended  # still in use then
