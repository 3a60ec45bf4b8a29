"""Issuing a learning certificate (sign + PDF) and checking one, in an
organisation that has already issued many (they fill its status list)."""

import random
import statistics
import time
from datetime import date, timedelta
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from bench.timing import fresh_statistics, percentile, time_get
from brobygger.access.actor import Actor
from brobygger.certificates import services, statuslist, verify
from brobygger.certificates.models import Certificate, StatusList
from brobygger.certificates.pdf import certificate_pdf
from brobygger.companies.models import Company
from brobygger.core.roles import Role
from brobygger.people.models import ReferralSource, YoungPerson
from brobygger.staircase.models import Activity, Attendance
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Organisation

SIZES = {"small": 200, "municipal": 5000}  # certificates issued before the measurement
ROUNDS = 20
TEXT = {
    "title": "Praktik som lagermedhjælper på Ærø",
    "tasks": "Modtage varer, pakke ordrer, holde orden på hylderne, køre med palleløfter",
    "skills": "Orden og overblik\nSamarbejde i et lille hold\nMødestabilitet\nSikkerhed på lageret",
    "mentor_statement": "Åse mødte stabilt, spurgte når hun var i tvivl og blev hurtigt selvkørende.",
    "language": "da",
}


def _placement(org, staff, company, i):
    today = timezone.localdate()
    young = YoungPerson.objects.create(
        organisation=org,
        first_name=f"Åse{i}",
        last_name="Bench",
        birth_date=date(2004, 1, 1),
        email=f"ung{i}@bench.example",
        referral_date=today - timedelta(days=200),
        referral_source=ReferralSource.JOBCENTRE,
    )
    activity = Activity.objects.create(
        organisation=org,
        young_person=young,
        kind="internship",
        title="Lagerpraktik",
        company=company,
        state="ended",
        starts_on=today - timedelta(days=60),
        ended_on=today - timedelta(days=1),
        learned="Lagerarbejde",
        proposed_by=staff,
    )
    Attendance.objects.bulk_create(
        Attendance(
            organisation=org,
            young_person=young,
            activity=activity,
            day=today - timedelta(days=60 - d),
            hours=Decimal(5),
            registered_by=staff,
        )
        for d in range(40)
    )
    return activity


def _signed(actor, org, staff, company, i):
    activity = _placement(org, staff, company, i)
    certificate = services.write(actor, activity, data=TEXT)
    return services.sign(actor, certificate, signed_name="Bo Ørsted")


def _fill(org, template, count):
    """`count` earlier certificates on their own placements, each with its own index in the status list."""
    rng = random.Random(9)
    free = sorted(set(range(131_072)) - {template.status_index})
    activity = template.activity
    placements = Activity.objects.bulk_create(
        (
            Activity(
                organisation=org,
                young_person=activity.young_person,
                kind=activity.kind,
                title=activity.title,
                company=activity.company,
                state="ended",
                starts_on=activity.starts_on,
                ended_on=activity.ended_on,
                learned=activity.learned,
                proposed_by=activity.proposed_by,
            )
            for _ in range(count)
        ),
        batch_size=1000,
    )
    indices = rng.sample(free, count)
    status_list = StatusList.objects.get()
    allocated = bytes(status_list.allocated)
    for index in indices:
        allocated = statuslist.with_bit(allocated, index)
    status_list.allocated = allocated
    status_list.save(update_fields=["allocated"])
    Certificate.objects.bulk_create(
        (
            Certificate(
                organisation=org,
                activity=placement,
                young_person=template.young_person,
                state=Certificate.State.REVOKED if n % 50 == 0 else Certificate.State.ISSUED,
                title=TEXT["title"],
                tasks=TEXT["tasks"],
                skills=TEXT["skills"],
                mentor_statement=TEXT["mentor_statement"],
                written_by=template.written_by,
                credential=template.credential,
                status_index=index,
            )
            for n, (placement, index) in enumerate(zip(placements, indices, strict=True))
        ),
        batch_size=1000,
    )


def _ms(samples):
    return round(statistics.median(samples), 1), round(percentile(samples, 95), 1)


def run(scale, db):
    org = Organisation.objects.create(name="Bench Læring", slug="bench", kind=Organisation.Kind.NGO)
    with scope(organisation=org.pk):
        staff = tenancy.add_member(organisation=org, email="w@bench.example", role=Role.CONSULTANT).user
        young_user = tenancy.add_member(organisation=org, email="y@bench.example", role=Role.YOUNG_PERSON).user
        company = Company.objects.create(organisation=org, name="Lager & Logistik ApS")
        actor = Actor(staff, org, [org], {Role.CONSULTANT})
        young = Actor(young_user, org, [org], {Role.YOUNG_PERSON})
        first = services.approve(young, _signed(actor, org, staff, company, 0), email="ung0@bench.example")
        certificate_pdf(first)  # warm up WeasyPrint's fonts
        _fill(org, first, SIZES[scale])
        fresh_statistics()

        sign, pdf, issue, issued_now = [], [], [], []
        waiting = [_signed(actor, org, staff, company, i) for i in range(1, ROUNDS + 1)]
        for certificate in waiting:
            started = time.perf_counter()
            issued = services.approve(young, certificate, email=certificate.young_person.email)
            signed = time.perf_counter()
            certificate_pdf(issued)
            done = time.perf_counter()
            issued_now.append(issued)
            sign.append((signed - started) * 1000)
            pdf.append((done - signed) * 1000)
            issue.append((done - started) * 1000)

        credential = issued_now[-1].credential
        checks = []
        for _ in range(50):
            started = time.perf_counter()
            result = verify.verify(credential)
            checks.append((time.perf_counter() - started) * 1000)
            assert result.state == verify.VALID, result.reason

        revoke = []
        for certificate in issued_now[:10]:
            started = time.perf_counter()
            services.revoke(actor, certificate, reason="Bench")
            revoke.append((time.perf_counter() - started) * 1000)
        assert verify.verify(issued_now[0].credential).state == verify.REVOKED

    client = Client()
    page = time_get(
        client, reverse("certificate_verify_link", kwargs={"public_id": issued_now[-1].public_id}), repeat=30
    )
    status = time_get(client, reverse("certificate_status_list", kwargs={"organisation": "bench"}), repeat=30)
    floor = time_get(client, reverse("healthz"), repeat=30)
    issue_p50, issue_p95 = _ms(issue)
    verify_p50, verify_p95 = _ms(checks)
    return {
        "certificates_before": SIZES[scale],
        "issue_ms": issue_p50,
        "issue_p95_ms": issue_p95,
        "sign_ms": _ms(sign)[0],
        "pdf_ms": _ms(pdf)[0],
        "verify_ms": verify_p50,
        "verify_p95_ms": verify_p95,
        "revoke_ms": _ms(revoke)[0],
        "verify_page_p95_ms": page["p95_ms"],
        "status_list_p95_ms": status["p95_ms"],
        "floor_p95_ms": floor["p95_ms"],
    }
