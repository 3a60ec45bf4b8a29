"""Each main page of each role, counted whole as the person waits for it: its server time under
load against a floor view on the same server in the same run, its requests and its queries.

PostgreSQL only (the production database; gunicorn's workers need a database they can share).
The generated data set is loaded (`brobygger.demo.scale`, its seeding time is a figure too), then
gunicorn serves it on loopback with production settings (2 workers, persistent connections) while
locust runs 20 concurrent people through the journeys of a counsellor, a young person, a mentor, a
consultant, a team lead and an analyst (bench/locustfile.py). The times are the server's own
(`Server-Timing`), so the load generator's overhead on the same 2 cores does not count as the page's.
The floor is /healthz: the whole middleware stack and one query.

A page is counted whole: the page and every part it loads after itself (brobygger.core.parts),
asked for as the browser does, their server times added up per visit. For each page and role:
`<role>_<page>_p50_ms` and `_p95_ms` of the whole page, `_requests` (the page and its parts) and
`_queries` (all their queries, counted once on the same data in this process). `worst_ratio` is
the worst whole page's p95 over the floor's p95, measured in the same run (goal <= 5).
"""

import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_scopes import scopes_disabled

from bench import loopback
from bench.timing import percentile
from brobygger.companies.models import CompanyMentor
from brobygger.core.roles import Role
from brobygger.demo import scale as data_set
from brobygger.people.models import TeamMember, YoungPerson
from brobygger.reviews.models import Review
from brobygger.tenancy.models import Membership
from tests.auth import log_in

DATABASES = ("postgresql",)
ROOT = Path(__file__).resolve().parent.parent
USERS = 20
SECONDS = {"small": 20, "municipal": 60}
GOAL_RATIO = 5


def _session(user):
    return log_in(Client(), user).cookies[settings.SESSION_COOKIE_NAME].value


def _young_person_with_a_login(counsellor):
    """The first young person on the counsellor's team gets a login (the data set has none)."""
    User = get_user_model()
    yp = YoungPerson.objects.filter(team_members__user=counsellor).order_by("pk").first()
    user = User.objects.create_user(email="ung@org001.scale.example", password=data_set.PASSWORD)
    YoungPerson.objects.filter(pk=yp.pk).update(user=user)
    Membership.objects.create(organisation=yp.organisation, user=user, role=Role.YOUNG_PERSON)
    return yp, user


def plan(scale_name):
    """A session and the pages of their day for one person of each role in the first organisation."""
    User = get_user_model()
    with scopes_disabled():
        org = "org001.scale.example"
        counsellor = User.objects.get(email=f"counsellor1@{org}")
        yp, young_user = _young_person_with_a_login(counsellor)
        lead = User.objects.get(email=f"team_lead1@{org}")
        review = Review.objects.create(organisation=yp.organisation, starts_at=timezone.now(), led_by=lead)
        mentor = (
            CompanyMentor.objects.filter(organisation=yp.organisation, company__activities__isnull=False)
            .select_related("user")
            .first()
            .user
        )
        on_team = TeamMember.objects.filter(user=counsellor).count()
        people = [
            (
                "counsellor",
                counsellor,
                {
                    "home": "/start/",
                    "young_people": "/young/",
                    "young_person": f"/young/{yp.pk}/",
                    "followup": "/followup/",
                },
            ),
            ("young_person", young_user, {"portal": "/me/"}),
            (
                "consultant",
                User.objects.get(email=f"consultant1@{org}"),
                {"companies": "/companies/", "offers": "/companies/offers/", "network": "/companies/network/"},
            ),
            ("team_lead", lead, {"home": "/start/", "young_people": "/young/", "review": f"/reviews/{review.pk}/"}),
            ("analyst", User.objects.get(email=f"analyst1@{org}"), {"figures": "/figures/"}),
            ("mentor", mentor, {"home": "/mentor/"}),
        ]
        return {
            "cookie_name": settings.SESSION_COOKIE_NAME,
            "floor": "/healthz",
            "people": [
                {"role": role, "session": _session(user), "pages": {f"{role}:{k}": v for k, v in pages.items()}}
                for role, user, pages in people
            ],
            "counsellor_team_size": on_team,
        }


def _database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@/{db['NAME']}?host={db['HOST']}&port={db['PORT']}"


def load(the_plan, seconds):
    """gunicorn + locust; returns {page: [(status, server ms)]}."""
    port = loopback.free_port()
    work = Path(tempfile.mkdtemp(prefix="brobygger-bench-"))
    (work / "plan.json").write_text(json.dumps(the_plan))
    timings = work / "timings.tsv"
    bindir = Path(sys.executable).parent
    server = subprocess.Popen(
        loopback.gunicorn(bindir, port, "warning"),
        cwd=ROOT,
        env=loopback.server_env(_database_url()),
    )
    try:
        loopback.wait_until_up(port)
        subprocess.run(
            [
                bindir / "locust",
                "-f",
                "bench/locustfile.py",
                "--headless",
                "-u",
                str(USERS),
                "-r",
                str(USERS),
                "-t",
                f"{seconds}s",
                "--host",
                f"http://127.0.0.1:{port}",
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={**os.environ, "BENCH_PLAN": str(work / "plan.json"), "BENCH_TIMINGS": str(timings)},
            check=False,
            capture_output=True,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    samples = {}
    for line in timings.read_text().splitlines():
        name, status, ms, requests = line.split("\t")
        samples.setdefault(name, []).append((int(status), float(ms), int(requests)))
    return samples


PART = re.compile(r'data-part="([^"]+)"')  # as bench/locustfile.py finds the parts


def queries_of_whole_pages(the_plan):
    """{page: (requests, queries)} for each page of the plan, asked for once as the browser asks."""
    found = {}
    for person in the_plan["people"]:
        client = Client()
        client.cookies[the_plan["cookie_name"]] = person["session"]
        for name, url in person["pages"].items():
            with CaptureQueriesContext(connection) as queries:
                page = client.get(url)
                parts = PART.findall(page.content.decode())
                for part_url in parts:
                    client.get(html.unescape(part_url), headers={"HX-Request": "true"})
            found[name] = (1 + len(parts), len(queries))
    return found


def run(scale, db):
    counts, seed_seconds = data_set.seed(scale, progress=lambda message: None)
    the_plan = plan(scale)
    samples = load(the_plan, SECONDS[scale])
    figures = {
        "seed_rows": sum(counts.values()),
        "seed_seconds": round(seed_seconds),
        "concurrent_users": USERS,
        "visits": sum(len(s) for s in samples.values()),
        "errors": sum(1 for s in samples.values() for status, _ms, _requests in s if status != 200),
    }
    times = {name: [ms for _status, ms, _requests in s] for name, s in samples.items()}
    p95 = {name: percentile(values, 95) for name, values in times.items()}
    asked = queries_of_whole_pages(the_plan)
    for name in sorted(times):
        key = name.replace(":", "_")
        figures[f"{key}_p50_ms"] = round(percentile(times[name], 50), 1)
        figures[f"{key}_p95_ms"] = round(p95[name], 1)
        if name in asked:
            figures[f"{key}_requests"], figures[f"{key}_queries"] = asked[name]
    floor = p95.pop("floor")
    figures["worst_page"] = max(p95, key=p95.get)
    figures["worst_ratio"] = round(max(p95.values()) / floor, 1)
    figures["goal_ratio"] = GOAL_RATIO
    return figures
