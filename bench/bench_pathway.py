"""Server time of the young person's page (the plan page) and the
portal with 500 notes on one young person, against a floor view in the same run."""

import random
from datetime import date, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from bench.timing import fresh_statistics, time_get
from brobygger.conversations.models import Note
from brobygger.core.roles import Role
from brobygger.pathways.models import PlanStep, StatusCode, StatusEntry
from brobygger.people.models import ReferralSource, TeamMember, TeamRole, YoungPerson
from brobygger.staircase.models import Activity, ActivityKind
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Organisation
from tests.auth import log_in

NOTES_ON_ONE = 500
OTHERS = {"small": 0, "municipal": 2_000}
NOTES_PER_OTHER = 10


def _young(org, n):
    return YoungPerson(
        organisation=org,
        first_name=f"Ung{n}",
        last_name="Bench",
        birth_date=date(2004, 1, 1),
        referral_date=date(2026, 1, 1),
        referral_source=ReferralSource.JOBCENTRE,
    )


def _notes(org, yp, author, count, rng):
    today = timezone.localdate()
    return [
        Note(
            organisation=org,
            young_person=yp,
            author=author,
            conversation_date=today - timedelta(days=rng.randint(0, 360)),
            text="Vi talte om drømmen og om næste skridt. " * rng.randint(1, 12),
            tracks=rng.choice([["dream"], ["livelihood"], ["dream", "livelihood"]]),
            keys=["recognition", "goals"],
        )
        for _ in range(count)
    ]


def build(scale):
    rng = random.Random(4)
    org = Organisation.objects.create(name="Bench", slug="bench", kind=Organisation.Kind.NGO)
    with scope(organisation=org.pk):
        counsellor = tenancy.add_member(organisation=org, email="c@bench.example", role=Role.COUNSELLOR).user
        young_user = tenancy.add_member(organisation=org, email="y@bench.example", role=Role.YOUNG_PERSON).user
        yp = _young(org, 0)
        yp.user = young_user
        yp.save()
        TeamMember.objects.create(organisation=org, young_person=yp, user=counsellor, role=TeamRole.COUNSELLOR)
        Note.objects.bulk_create(_notes(org, yp, counsellor, NOTES_ON_ONE, rng))
        PlanStep.objects.bulk_create(
            PlanStep(
                organisation=org,
                young_person=yp,
                track=rng.choice(["dream", "livelihood"]),
                goal=f"Skridt {i}",
                due=date(2027, 1, 1) + timedelta(days=i),
                created_by=counsellor,
            )
            for i in range(30)
        )
        activity_codes = list(StatusCode.objects.filter(axis="activity"))
        StatusEntry.objects.bulk_create(
            StatusEntry(
                organisation=org,
                young_person=yp,
                activity=rng.choice(activity_codes),
                valid_from=date(2025, 1, 1) + timedelta(days=20 * i),
                recorded_by=counsellor,
            )
            for i in range(20)
        )
        Activity.objects.bulk_create(
            Activity(
                organisation=org, young_person=yp, kind=ActivityKind.VISIT, title=f"Besøg {i}", proposed_by=counsellor
            )
            for i in range(10)
        )
        others = YoungPerson.objects.bulk_create(_young(org, n) for n in range(1, OTHERS[scale] + 1))
        TeamMember.objects.bulk_create(
            TeamMember(organisation=org, young_person=o, user=counsellor, role=TeamRole.COUNSELLOR) for o in others
        )
        batch = []
        for other in others:
            batch += _notes(org, other, counsellor, NOTES_PER_OTHER, rng)
        Note.objects.bulk_create(batch, batch_size=2000)
    return yp, counsellor, young_user


def run(scale, db):
    yp, counsellor, young_user = build(scale)
    fresh_statistics()
    staff, young = Client(), Client()
    log_in(staff, counsellor)
    log_in(young, young_user)
    floor = time_get(staff, reverse("healthz"))
    plan = time_get(staff, reverse("young_person_detail", kwargs={"pk": yp.pk}))
    portal = time_get(young, reverse("portal"))
    return {
        "notes_on_one_young_person": NOTES_ON_ONE,
        "other_young_people": OTHERS[scale],
        "floor_p95_ms": floor["p95_ms"],
        "plan_page_p50_ms": plan["p50_ms"],
        "plan_page_p95_ms": plan["p95_ms"],
        "plan_page_queries": plan["queries"],
        "portal_p50_ms": portal["p50_ms"],
        "portal_p95_ms": portal["p95_ms"],
        "portal_queries": portal["queries"],
    }
