"""The case-review agenda for a team of 15 counsellors with 600 young
people (notes, follow-up plans, ended activities), against a floor view."""

import random
from datetime import date, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from bench.timing import fresh_statistics, time_get
from brobygger.conversations.models import Note
from brobygger.core.roles import Role
from brobygger.followup.models import FollowUpContact, FollowUpPlan
from brobygger.pathways.models import StatusCode
from brobygger.people.models import ReferralSource, TeamMember, TeamRole, YoungPerson
from brobygger.reviews.models import Review
from brobygger.staircase.models import Activity
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Organisation
from tests.auth import log_in

SIZES = {"small": (5, 100), "municipal": (15, 600)}


def build(scale):
    counsellor_n, young_n = SIZES[scale]
    rng = random.Random(7)
    today = timezone.localdate()
    org = Organisation.objects.create(name="Bench", slug="bench", kind=Organisation.Kind.MUNICIPAL)
    with scope(organisation=org.pk):
        lead = tenancy.add_member(organisation=org, email="lead@bench.example", role=Role.TEAM_LEAD).user
        counsellors = [
            tenancy.add_member(
                organisation=org, email=f"c{i}@bench.example", role=Role.COUNSELLOR, first_name=f"Vejleder{i}"
            ).user
            for i in range(counsellor_n)
        ]
        young = YoungPerson.objects.bulk_create(
            YoungPerson(
                organisation=org,
                first_name=f"Ung{i}",
                last_name="Bench",
                birth_date=date(2003, 1, 1),
                referral_date=today - timedelta(days=rng.randint(1, 400)),
                referral_source=ReferralSource.JOBCENTRE,
            )
            for i in range(young_n)
        )
        TeamMember.objects.bulk_create(
            TeamMember(
                organisation=org,
                young_person=yp,
                user=rng.choice(counsellors),
                role=TeamRole.COUNSELLOR,
                is_primary=True,
            )
            for yp in young[: young_n - young_n // 20]  # 5 % wait to be distributed
        )
        Note.objects.bulk_create(
            (
                Note(
                    organisation=org,
                    young_person=yp,
                    author=counsellors[0],
                    text="Samtale",
                    conversation_date=today - timedelta(days=rng.randint(0, 120)),
                )
                for yp in young
                for _ in range(rng.randint(0, 8))
            ),
            batch_size=2000,
        )
        job = StatusCode.objects.get(axis="activity", code="ordinary_job")
        plans = FollowUpPlan.objects.bulk_create(
            FollowUpPlan(
                organisation=org,
                young_person=yp,
                responsible=rng.choice(counsellors),
                outcome=job,
                exit_on=today - timedelta(days=rng.randint(10, 300)),
                interval_days=14,
                months=12,
            )
            for yp in young[: young_n // 5]
        )
        FollowUpContact.objects.bulk_create(
            (
                FollowUpContact(
                    organisation=org,
                    plan=plan,
                    young_person_id=plan.young_person_id,
                    due_on=plan.exit_on + timedelta(days=14 * k),
                )
                for plan in plans
                for k in range(1, 27)
            ),
            batch_size=2000,
        )
        Activity.objects.bulk_create(
            Activity(
                organisation=org,
                young_person=rng.choice(young),
                kind="visit",
                title="Besøg",
                state="ended",
                ended_on=today - timedelta(days=rng.randint(0, 60)),
                learned="Noget",
                proposed_by=counsellors[0],
            )
            for _ in range(young_n // 3)
        )
        Review.objects.create(organisation=org, starts_at=timezone.now() - timedelta(days=28), led_by=lead)
        review = Review.objects.create(organisation=org, starts_at=timezone.now(), led_by=lead)
    return lead, review


def run(scale, db):
    lead, review = build(scale)
    fresh_statistics()
    client = Client()
    log_in(client, lead)
    floor = time_get(client, reverse("healthz"), repeat=30)
    agenda = time_get(client, reverse("review_detail", kwargs={"pk": review.pk}), repeat=30)
    home = time_get(client, reverse("home"), repeat=30)
    counsellors, young = SIZES[scale]
    return {
        "counsellors": counsellors,
        "young_people": young,
        "floor_p95_ms": floor["p95_ms"],
        "agenda_p50_ms": agenda["p50_ms"],
        "agenda_p95_ms": agenda["p95_ms"],
        "agenda_queries": agenda["queries"],
        "lead_home_p95_ms": home["p95_ms"],
        "lead_home_queries": home["queries"],
    }
