"""The outcome figures over 50,000 participants with their status
histories (municipal scale): snapshot, flows, the whole figures page and the
funder exports. The page keeps a filter set's figures for 5 minutes: the page is timed
both made anew (`figures_page_p50_ms`) and again within those minutes (`figures_page_again_p50_ms`)."""

import random
import statistics
import time
from datetime import date, timedelta

from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from bench.timing import fresh_statistics, time_get, whole_view
from brobygger.catalogue.models import Initiative
from brobygger.core.roles import Role
from brobygger.followup.models import FollowUpPlan, StatusCheck
from brobygger.outcomes import exports, figures
from brobygger.outcomes.models import Response
from brobygger.pathways.models import Pathway, StatusCode, StatusEntry
from brobygger.people.models import ReferralSource, YoungPerson
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Organisation
from tests.auth import log_in

SIZES = {"small": 2_000, "municipal": 50_000}
BATCH = 5_000
ACTIVITIES = ("job_seeking", "company_placement", "assessment", "short_course", "pause")
OUTCOMES = ("ordinary_job", "education", "apprenticeship", "subsidised_job")


def build(scale):
    n = SIZES[scale]
    rng = random.Random(8)
    today = timezone.localdate()
    org = Organisation.objects.create(name="Bench", slug="bench", kind=Organisation.Kind.MUNICIPAL)
    codes = {c.code: c for c in StatusCode.objects.filter(axis="activity")}
    with scope(organisation=org.pk):
        analyst = tenancy.add_member(organisation=org, email="analyst@bench.example", role=Role.ANALYST).user
        initiatives = [Initiative.objects.create(organisation=org, slug=f"i{i}", name=f"Indsats {i}") for i in range(4)]
        young = YoungPerson.objects.bulk_create(
            (
                YoungPerson(
                    organisation=org,
                    first_name=f"Ung{i}",
                    last_name="Bench",
                    birth_date=today - timedelta(days=rng.randint(15 * 365, 30 * 365)),
                    gender=rng.choice(["woman", "man", "other", ""]),
                    referral_date=today - timedelta(days=rng.randint(30, 3 * 365)),
                    referral_source=ReferralSource.JOBCENTRE,
                )
                for i in range(n)
            ),
            batch_size=BATCH,
        )
        pathways, entries, plans = [], [], []
        for yp in young:
            accepted = yp.referral_date + timedelta(days=rng.randint(0, 30))
            reached = accepted + timedelta(days=rng.randint(30, 600)) if rng.random() < 0.45 else None
            if reached and reached > today:
                reached = None
            ended = None
            if reached and rng.random() < 0.6:
                ended = reached
            elif rng.random() < 0.15:
                ended = min(today, accepted + timedelta(days=rng.randint(30, 500)))
            pathways.append(
                Pathway(
                    organisation=org,
                    young_person=yp,
                    state=Pathway.State.ENDED if ended else Pathway.State.ACTIVE,
                    accepted_on=accepted,
                    ended_on=ended,
                    initiative=rng.choice(initiatives),
                )
            )
            day = accepted
            for _step in range(rng.randint(1, 3)):
                if day > today:
                    break
                entries.append(_entry(org, yp, codes[rng.choice(ACTIVITIES)], day, analyst))
                day += timedelta(days=rng.randint(20, 200))
            if reached:
                entries.append(_entry(org, yp, codes[rng.choice(OUTCOMES)], reached, analyst))
            if ended:
                plans.append((yp, ended))
        Pathway.objects.bulk_create(pathways, batch_size=BATCH)
        StatusEntry.objects.bulk_create(entries, batch_size=BATCH)
        _followup(org, plans, codes, analyst, rng, today)
        _answers(org, young, analyst, rng)
    return org, analyst, len(entries)


def _entry(org, yp, code, day, user):
    return StatusEntry(organisation=org, young_person=yp, activity=code, valid_from=day, recorded_by=user)


def _followup(org, plans, codes, user, rng, today):
    created = FollowUpPlan.objects.bulk_create(
        (
            FollowUpPlan(
                organisation=org, young_person=yp, responsible=user, exit_on=ended, interval_days=14, months=12
            )
            for yp, ended in plans
        ),
        batch_size=BATCH,
    )
    checks = []
    for plan in created:
        for months in (6, 12, 18):
            due = plan.exit_on + timedelta(days=round(months * 30.44))
            done = due <= today and rng.random() < 0.8
            unknown = done and rng.random() < 0.2
            checks.append(
                StatusCheck(
                    organisation=org,
                    plan=plan,
                    young_person_id=plan.young_person_id,
                    months_after=months,
                    due_on=due,
                    done_on=due if done else None,
                    status=codes[rng.choice(OUTCOMES + ACTIVITIES)] if done and not unknown else None,
                    unknown=unknown,
                )
            )
    StatusCheck.objects.bulk_create(checks, batch_size=BATCH)


def _answers(org, young, user, rng):
    rows = []
    for yp in young:
        if rng.random() < 0.4:
            for score in (rng.randrange(8, 80, 4), rng.randrange(20, 100, 4)):
                rows.append(
                    Response(
                        organisation=org,
                        young_person=yp,
                        instrument="who5",
                        version="1998",
                        language="da",
                        mode="self",
                        respondent=user,
                        answers={},
                        score=score,
                    )
                )
    Response.objects.bulk_create(rows, batch_size=BATCH)


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 1)


def first_views(client, url, repeat):
    """The page for a filter set nobody asked for in the last 5 minutes (the figures made anew)."""

    def view():
        cache.clear()
        whole_view(client, url)

    return timed(view, repeat)


def run(scale, db):
    org, analyst, entries = build(scale)
    fresh_statistics()
    today = timezone.localdate()
    organisations = (str(org.pk),)
    filters = figures.Filters(organisations=organisations, start=date(today.year, 1, 1), end=today)
    labels = figures.status_labels()
    repeat = 3 if scale == "municipal" else 7

    def snapshot():
        people = figures.participants(organisations)
        figures.snapshot(filters, people, figures.statuses_on(organisations, filters.end), labels)

    def flows():
        people = figures.participants(organisations)
        at_start = figures.statuses_on(organisations, filters.start - timedelta(days=1))
        figures.flows(filters, people, at_start, figures.statuses_on(organisations, filters.end), labels)

    def build_all():
        cache.clear()  # the computation itself, not the 5 minutes the page keeps it
        return figures.build(filters, labels_for=lambda _d: {}, today=today, language="da")

    def funder_export():
        result = build_all()
        exports.workbook(result, {"about": [["Periode", "i år"]]})

    def funder_pdf():
        result = build_all()
        exports.pdf(result, {"about": [["Periode", "i år"]]}, None)

    with scope(organisation=org.pk):
        figures_ = {
            "participants": SIZES[scale],
            "status_entries": entries,
            "snapshot_ms": timed(snapshot, repeat),
            "flows_ms": timed(flows, repeat),
            "all_figures_ms": timed(build_all, repeat),
            "funder_export_ms": timed(funder_export, repeat),
            "funder_pdf_ms": timed(funder_pdf, max(1, repeat - 2)),
        }
        client = Client()
        log_in(client, analyst)
        page = first_views(client, reverse("figures"), repeat)
        filtered = first_views(client, reverse("figures") + "?gender=woman&age_band=18_24", repeat)
        again = time_get(client, reverse("figures"), repeat=repeat * 10, warmup=1)
        floor = time_get(client, reverse("healthz"), repeat=50)
    figures_ |= {
        "figures_page_p50_ms": page,
        "figures_page_queries": again["queries"],
        "filtered_page_p50_ms": filtered,
        "figures_page_again_p50_ms": again["p50_ms"],
        "floor_p50_ms": floor["p50_ms"],
    }
    return figures_
