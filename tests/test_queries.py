"""No N+1: the main pages' query counts do not grow with the data."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from brobygger.conversations.models import Note
from brobygger.pathways.models import PlanStep, StatusCode, StatusEntry
from brobygger.staircase.models import Activity, ActivityKind
from tests.parts import whole_page

PAGES = [
    ("counsellor_on_team", lambda w: reverse("young_person_detail", kwargs={"pk": w.objects["yp_a"].pk})),
    ("young_a", lambda w: reverse("portal")),
    ("counsellor_on_team", lambda w: reverse("home")),
    ("lead", lambda w: reverse("young_people_list")),
]


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        whole_page(client, url)  # the page and the parts it loads after itself
    return len(queries)


def grow(world, n):
    org, yp, author = world.org_a, world.objects["yp_a"], world.user("counsellor_on_team")
    with scope(organisation=org.pk):
        code = StatusCode.objects.filter(axis="activity").first()
        for i in range(n):
            Note.objects.create(
                organisation=org, young_person=yp, author=author, conversation_date=date(2026, 10, 2), text=f"n{i}"
            )
            PlanStep.objects.create(organisation=org, young_person=yp, track="dream", goal=f"s{i}", created_by=author)
            StatusEntry.objects.create(
                organisation=org, young_person=yp, activity=code, valid_from=date(2026, 9, 9), recorded_by=author
            )
            Activity.objects.create(
                organisation=org, young_person=yp, kind=ActivityKind.VISIT, title=f"a{i}", proposed_by=author
            )


def test_query_counts_do_not_grow_with_the_data(world, client_for):
    clients = {name: client_for(name) for name, _ in PAGES}
    before = [count(clients[name], url(world)) for name, url in PAGES]
    grow(world, 25)
    after = [count(clients[name], url(world)) for name, url in PAGES]
    assert after == before
    # The young person's page and the portal are seven requests each (the page and its parts, each
    # with its own session, user and access check).
    assert before[0] <= 90 and before[1] <= 90, before
