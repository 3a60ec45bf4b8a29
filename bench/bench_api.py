"""The REST API and imports at municipal scale.

import_rows_per_s: a 100,000-row offers file with their companies (5,000 companies),
uploaded as semicolon CSV from Excel, checked (the preview) and imported in one
transaction, end to end through the services the background jobs run; also the
two steps apart, and a second import of the same file (nothing changes).
list_p95_ms: GET /api/young-people (a page of 50) with a team lead's token over
50,000 young people, pages spread over the whole list; also with a search word.
"""

import random
import time
from datetime import date, timedelta

from django.test import Client
from django_scopes import scope

from bench.timing import percentile
from brobygger.access.actor import Actor
from brobygger.api import services as token_services
from brobygger.core.roles import Role
from brobygger.exchange import services as exchange
from brobygger.people.models import YoungPerson
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Organisation

SIZES = {"small": (10_000, 5_000), "municipal": (100_000, 50_000)}
FIRST = ["Sofie", "Mads", "Emma", "Noah", "Ida", "Oliver", "Freja", "Lucas", "Asta", "Malthe", "Ella", "Aksel"]
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Østergaard"]
KINDS = ["Praktik", "Snusepraktik", "Virksomhedsbesøg", "Løntimer eller småjob", "Ordinært job"]


def offers_file(rows):
    lines = ["Nøgle;CVR;Virksomhed;Type;Titel;Pladser;Timer pr. uge;Postnummer;Åben"]
    for i in range(rows):
        company = i % 5_000
        cvr = f"{10_000_000 + company:08d}"
        lines.append(
            f"T-{i};{cvr[:2]} {cvr[2:4]} {cvr[4:6]} {cvr[6:]};Virksomhed {company} ApS;{KINDS[i % 5]};"
            f"Opgave nr. {i} på lager og i butik;{1 + i % 3};{7 + i % 10},5;{8000 + i % 300};ja"
        )
    return "\r\n".join(lines).encode("cp1252")


def timed_import(actor, content):
    """Upload (which checks: the job runs in-process with the immediate backend) and import."""
    started = time.perf_counter()
    batch = exchange.upload(actor, kind="offers", name="tilbud.csv", content=content)
    check_s = time.perf_counter() - started
    batch.refresh_from_db()
    assert batch.error_count == 0 and batch.state == "checked", (batch.refusal, batch.errors[:3])
    started = time.perf_counter()
    exchange.start_import(actor, batch)
    import_s = time.perf_counter() - started
    batch.refresh_from_db()
    assert batch.state == "done", batch.summary
    return check_s, import_s, batch.summary


def young_people(org, count, rng):
    people = [
        YoungPerson(
            organisation=org,
            first_name=rng.choice(FIRST),
            last_name=rng.choice(LAST),
            birth_date=date(1998, 1, 1) + timedelta(days=rng.randrange(3650)),
            referral_date=date(2026, 1, 1) + timedelta(days=rng.randrange(300)),
            referral_source="jobcentre",
            external_key=f"U-{i}",
        )
        for i in range(count)
    ]
    YoungPerson.objects.bulk_create(people, batch_size=2000)


def time_list(client, token, urls, repeat):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    for url in urls[:5]:
        assert client.get(url, **headers).status_code == 200
    samples = []
    for i in range(repeat):
        started = time.perf_counter()
        response = client.get(urls[i % len(urls)], **headers)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return round(percentile(samples, 50), 2), round(percentile(samples, 95), 2)


def run(scale, db):
    import_rows, people = SIZES[scale]
    rng = random.Random(11)
    org = Organisation.objects.create(name="Bench Kommune", slug="bench", kind=Organisation.Kind.MUNICIPAL)
    figures = {"import_rows": import_rows, "young_people": people}
    with scope(organisation=org.pk):
        lead = tenancy.add_member(organisation=org, email="lead@bench.example", role=Role.TEAM_LEAD).user
        actor = Actor(lead, org, [org], {Role.TEAM_LEAD})
        content = offers_file(import_rows)
        figures["import_file_mb"] = round(len(content) / 1024 / 1024, 1)
        check_s, import_s, summary = timed_import(actor, content)
        assert summary["created"] == import_rows, summary
        figures["check_rows_per_s"] = round(import_rows / check_s)
        figures["write_rows_per_s"] = round(import_rows / import_s)
        figures["import_rows_per_s"] = round(import_rows / (check_s + import_s))
        figures["import_total_s"] = round(check_s + import_s, 1)
        check_s, import_s, summary = timed_import(actor, content)
        assert summary["unchanged"] == import_rows, summary
        figures["reimport_rows_per_s"] = round(import_rows / (check_s + import_s))
        young_people(org, people, rng)
        token = token_services.create_token(actor, name="bench")[1]
    client = Client()
    pages = people // 50
    urls = [f"/api/young-people?page={rng.randrange(1, pages + 1)}" for _ in range(40)]
    figures["list_p50_ms"], figures["list_p95_ms"] = time_list(client, token, urls, repeat=100)
    search = [f"/api/young-people?q={name}&page=2" for name in FIRST]
    figures["search_p50_ms"], figures["search_p95_ms"] = time_list(client, token, search, repeat=60)
    return figures
