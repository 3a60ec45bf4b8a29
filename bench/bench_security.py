"""What the protections cost. Field encryption per value; the young person's page (behind the
two-step-login gate, with encrypted CPR and special-category information) against a floor view; a CPR
lookup through the blind index among every young person; and key rotation in rows per second, the
figure an operator needs to plan a rotation."""

import base64
import time
from datetime import date

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from bench.timing import fresh_statistics, percentile, time_get
from brobygger.core.roles import Role
from brobygger.people.models import ReferralSource, TeamMember, TeamRole, YoungPerson
from brobygger.security import cpr as cpr_numbers
from brobygger.security import crypto, keys, rotation
from brobygger.sensitive.models import Category, SensitiveInformation
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Organisation
from tests.auth import log_in

SIZES = {"small": 2_000, "municipal": 50_000}  # young people; one in five has special-category information


def cpr_for(i):
    day, month, year = 1 + i // 10_000 % 28, 1 + i // 280_000 % 12, 1995 + i // 3_360_000
    return f"{day:02d}{month:02d}{year % 100:02d}{i % 10_000:04d}"


def build(young_n):
    org = Organisation.objects.create(name="Bench", slug="bench", kind=Organisation.Kind.MUNICIPAL)
    with scope(organisation=org.pk):
        counsellor = tenancy.add_member(organisation=org, email="c@bench.example", role=Role.COUNSELLOR).user
        people = YoungPerson.objects.bulk_create(
            (
                YoungPerson(
                    organisation=org,
                    first_name=f"Ung{i}",
                    last_name="Bench",
                    birth_date=date(2004, 1, 1),
                    referral_date=date(2026, 1, 1),
                    referral_source=ReferralSource.JOBCENTRE,
                    cpr=cpr_for(i),
                    cpr_index=cpr_numbers.index(cpr_for(i)),
                )
                for i in range(young_n)
            ),
            batch_size=2000,
        )
        TeamMember.objects.create(
            organisation=org, young_person=people[0], user=counsellor, role=TeamRole.COUNSELLOR, is_primary=True
        )
        SensitiveInformation.objects.bulk_create(
            (
                SensitiveInformation(
                    organisation=org,
                    young_person=person,
                    category=Category.HEALTH,
                    text="Angst; har brug for korte dage i starten",
                    why_needed="Så praktikken kan tilrettelægges",
                    recorded_by=counsellor,
                )
                for person in people[::5]
            ),
            batch_size=2000,
        )
    return counsellor, people[0]


def time_values(n=10_000):
    context = "people.youngperson.cpr"
    started = time.perf_counter()
    stored = [crypto.encrypt("0101041234", context) for _ in range(n)]
    encrypted = time.perf_counter() - started
    started = time.perf_counter()
    for value in stored:
        crypto.decrypt(value, context)
    decrypted = time.perf_counter() - started
    return round(encrypted / n * 1e6, 1), round(decrypted / n * 1e6, 1)


def time_cpr_lookups(young_n, repeat=200):
    samples = []
    with scopes_disabled():
        for i in range(repeat):
            digits = cpr_for(i * 7919 % young_n)
            started = time.perf_counter()
            found = YoungPerson.objects.filter(cpr_index=cpr_numbers.index(digits)).first()
            samples.append((time.perf_counter() - started) * 1000)
            assert found.cpr == digits
    return round(percentile(samples, 95), 2)


def time_rotation():
    new_key = base64.urlsafe_b64encode(b"n" * 32).decode()
    settings.FIELD_ENCRYPTION_KEYS = f"bench2:{new_key},{settings.FIELD_ENCRYPTION_KEYS}"
    keys.reset()
    started = time.perf_counter()
    counts = rotation.rotate_all()
    seconds = time.perf_counter() - started
    rows = sum(counts.values())
    return rows, round(seconds, 2)


def run(scale, db):
    young_n = SIZES[scale]
    counsellor, person = build(young_n)
    fresh_statistics()
    client = log_in(Client(), counsellor)
    floor = time_get(client, reverse("healthz"), repeat=30)
    page = time_get(client, reverse("young_person_detail", kwargs={"pk": person.pk}), repeat=30)
    encrypt_us, decrypt_us = time_values()
    rows, seconds = time_rotation()
    return {
        "young_people": young_n,
        "encrypt_us_per_value": encrypt_us,
        "decrypt_us_per_value": decrypt_us,
        "floor_p95_ms": floor["p95_ms"],
        "young_person_page_p95_ms": page["p95_ms"],
        "young_person_page_ratio": round(page["p95_ms"] / floor["p95_ms"], 1),
        "young_person_page_queries": page["queries"],
        "cpr_lookup_p95_ms": time_cpr_lookups(young_n),
        "rotation_rows": rows,
        "rotation_seconds": seconds,
        "rotation_rows_per_second": round(rows / seconds),
    }
