"""The consultant's dashboard with 3,000 companies and 10,000 offers
(municipal scale), against a floor view in the same run, with query counts."""

import random
from datetime import date, timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from bench.timing import fresh_statistics, time_get
from brobygger.companies.models import Company, ContactLogEntry, Offer, OfferKind
from brobygger.core.roles import Role
from brobygger.people.models import ReferralSource, YoungPerson
from brobygger.staircase.models import Activity
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Organisation
from tests.auth import log_in

SIZES = {"small": (300, 1_000, 500), "municipal": (3_000, 10_000, 5_000)}


def build(scale):
    companies_n, offers_n, young_n = SIZES[scale]
    rng = random.Random(5)
    org = Organisation.objects.create(name="Bench", slug="bench", kind=Organisation.Kind.MUNICIPAL)
    today = timezone.localdate()
    with scope(organisation=org.pk):
        consultant = tenancy.add_member(organisation=org, email="k@bench.example", role=Role.CONSULTANT).user
        companies = Company.objects.bulk_create(
            Company(organisation=org, name=f"Virksomhed {i:05d}", city="Aarhus", postcode="8000")
            for i in range(companies_n)
        )
        offers = Offer.objects.bulk_create(
            (
                Offer(
                    organisation=org,
                    company=rng.choice(companies),
                    kind=rng.choice(OfferKind.values),
                    title=f"Tilbud {i}",
                    capacity=rng.randint(0, 8),
                    hours_per_week=rng.choice([None, 10, 15, 20, 30]),
                )
                for i in range(offers_n)
            ),
            batch_size=2000,
        )
        ContactLogEntry.objects.bulk_create(
            (
                ContactLogEntry(
                    organisation=org,
                    company=rng.choice(companies),
                    user=consultant,
                    day=today - timedelta(days=rng.randint(0, 400)),
                    note="Opfølgning",
                )
                for _ in range(companies_n * 2)
            ),
            batch_size=2000,
        )
        young = YoungPerson.objects.bulk_create(
            (
                YoungPerson(
                    organisation=org,
                    first_name=f"U{i}",
                    last_name="B",
                    birth_date=date(2003, 1, 1),
                    referral_date=date(2026, 1, 1),
                    referral_source=ReferralSource.JOBCENTRE,
                )
                for i in range(young_n)
            ),
            batch_size=2000,
        )
        Activity.objects.bulk_create(
            (
                Activity(
                    organisation=org,
                    young_person=rng.choice(young),
                    kind=offer.kind,
                    title=offer.title,
                    company_id=offer.company_id,
                    offer=offer,
                    state=rng.choice(["proposed", "accepted", "active", "ended", "declined"]),
                    proposed_by=consultant,
                )
                for offer in rng.sample(offers, min(len(offers), young_n))
            ),
            batch_size=2000,
        )
    return consultant


def run(scale, db):
    consultant = build(scale)
    fresh_statistics()
    client = Client()
    log_in(client, consultant)
    floor = time_get(client, reverse("healthz"), repeat=30)
    dashboard = time_get(client, reverse("network_dashboard"), repeat=30)
    companies = time_get(client, reverse("company_list"), repeat=30)
    offers = time_get(client, reverse("offer_list"), repeat=30)
    companies_n, offers_n, _ = SIZES[scale]
    return {
        "companies": companies_n,
        "offers": offers_n,
        "floor_p95_ms": floor["p95_ms"],
        "dashboard_p50_ms": dashboard["p50_ms"],
        "dashboard_p95_ms": dashboard["p95_ms"],
        "dashboard_queries": dashboard["queries"],
        "company_list_p95_ms": companies["p95_ms"],
        "company_list_queries": companies["queries"],
        "offer_list_p95_ms": offers["p95_ms"],
        "offer_list_queries": offers["queries"],
    }
