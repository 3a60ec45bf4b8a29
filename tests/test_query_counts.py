"""No page's query count grows with the data (no N+1 queries).

Every page every role can open is read at two sizes of the same organisation: after one batch of
generated data (young people on the counsellor's team with notes, status histories, plans,
placements with attendance, follow-up plans, companies and offers; more notes and placements for
Asta) and after a second batch as large. The first batch lifts every page past its thresholds
(a second page of results, a chart with data); from there the number of queries must stay put.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from brobygger.conversations.models import Note
from brobygger.core.roles import Role
from brobygger.demo import scale
from brobygger.staircase.models import Activity, ActivityKind, Attendance
from tests.parts import whole_page
from tests.test_accessibility import ROLES, pages_for

BATCH = scale.Scale(1, young_people=30, companies=6, offers=20, notes=300, followup_contacts=60, attendance=60)


def grow(world, label):
    yp = world.objects["yp_a"]
    counsellor = world.user("counsellor_on_team")
    users = {Role.COUNSELLOR: [counsellor], Role.CONSULTANT: [world.user("consultant")]}
    with scopes_disabled():
        scale.populate(world.org_a, users, label, BATCH, random.Random(label), password="!")
        Note.objects.bulk_create(
            Note(
                organisation=world.org_a,
                young_person=yp,
                author=counsellor,
                conversation_date=date(2026, 1, 1),
                text=f"Samtale {i}",
            )
            for i in range(15)
        )
        company = world.objects["company_1"]
        for i in range(3):
            activity = Activity.objects.create(
                organisation=world.org_a,
                young_person=yp,
                kind=ActivityKind.INTERNSHIP,
                title=f"Praktik {label} {i}",
                company=company,
                state=Activity.State.ACTIVE,
                proposed_by=counsellor,
            )
            Attendance.objects.bulk_create(
                Attendance(
                    organisation=world.org_a,
                    activity=activity,
                    young_person=yp,
                    hours=Decimal(6),
                    day=date(2026, 10, 1) + timedelta(days=d),
                    registered_by=counsellor,
                )
                for d in range(5)
            )


def query_counts(world, client_for):
    counts = {}
    for fixture in ROLES:
        client = client_for(fixture)
        for url in pages_for(world, fixture):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            if response.status_code == 200:
                counts[(fixture, url)] = len(queries)
    return counts


def test_no_page_makes_more_queries_when_there_is_more_data(world, client_for):
    grow(world, "one")
    first = query_counts(world, client_for)
    grow(world, "two")
    second = query_counts(world, client_for)
    grown = [
        f"{fixture} {url}: {first[(fixture, url)]} -> {second[(fixture, url)]} queries"
        for fixture, url in second
        if second[(fixture, url)] > first.get((fixture, url), second[(fixture, url)])
    ]
    print(f"query counts: {len(second)} pages at two sizes; the most: {max(second.values())} queries")
    assert len(second) >= 300
    assert grown == [], "\n".join(grown)


def test_the_batches_reach_the_pages(world, client_for):
    """The check above means something only if the generated rows show on the pages it reads."""
    client = client_for("counsellor_on_team")
    before = client.get("/young/").content.decode().count('href="/young/')
    grow(world, "one")
    after = client.get("/young/").content.decode().count('href="/young/')
    asta = whole_page(client, f"/young/{world.objects['yp_a'].pk}/")
    assert after > before + 10, (before, after)
    assert "Praktik one 0" in asta
