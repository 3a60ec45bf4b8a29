"""Suggestions for one young person over 10,000 offers (the page, p95 over
100 young people), and a round of mutual choice of 2,000 young people × 500 offers:
ours against the `matching` library's HospitalResident on the same instance, and
the same round computed through the database."""

import random
import statistics
import sys
import threading
import time
from datetime import date

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django_scopes import scope
from matching.games import HospitalResident

from bench.timing import fresh_statistics, percentile, time_get
from brobygger.access.actor import Actor
from brobygger.companies.models import Company, CompanyMentor, EscoOccupation, Offer, OfferKind
from brobygger.core import postcodes
from brobygger.core.roles import Role
from brobygger.matching import services, stable
from brobygger.matching.models import (
    CompanyChoice,
    MatchProfile,
    Round,
    RoundOffer,
    RoundSeat,
    YoungPersonChoice,
)
from brobygger.people.models import ReferralSource, TeamMember, TeamRole, YoungPerson
from brobygger.staircase.models import Activity
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Organisation
from tests.auth import log_in

# companies, offers, young people asked for suggestions, ended placements; round: young people × offers
SIZES = {
    "small": {"companies": 300, "offers": 1_000, "seekers": 20, "ended": 2_000, "round": (200, 50)},
    "municipal": {"companies": 3_000, "offers": 10_000, "seekers": 100, "ended": 20_000, "round": (2_000, 500)},
}
POSTCODES = [pc for pc in postcodes.all_postcodes() if pc[0] in "78"]  # East Jutland and around


def _young(org, n, prefix, rng):
    return YoungPerson.objects.bulk_create(
        (
            YoungPerson(
                organisation=org,
                first_name=f"{prefix}{i}",
                last_name="B",
                birth_date=date(rng.randint(1997, 2010), rng.randint(1, 12), 1),
                referral_date=date(2026, 1, 1),
                referral_source=ReferralSource.JOBCENTRE,
            )
            for i in range(n)
        ),
        batch_size=2000,
    )


def build(scale, rng):
    size = SIZES[scale]
    org = Organisation.objects.create(name="Bench", slug="bench", kind=Organisation.Kind.MUNICIPAL)
    occupations = list(EscoOccupation.objects.values_list("pk", flat=True))
    pick = rng.choice
    with scope(organisation=org.pk):
        counsellor = tenancy.add_member(organisation=org, email="v@bench.example", role=Role.COUNSELLOR).user
        mentor = get_user_model().objects.create_user("m@bench.example", None)
        companies = Company.objects.bulk_create(
            Company(
                organisation=org, name=f"Virksomhed {i:05d}", postcode=pick(POSTCODES), knows_target_group=i % 3 == 0
            )
            for i in range(size["companies"])
        )
        CompanyMentor.objects.bulk_create(
            CompanyMentor(organisation=org, company=c, user=mentor) for c in companies[: len(companies) // 3]
        )
        Offer.objects.bulk_create(
            (
                Offer(
                    organisation=org,
                    company=(company := pick(companies)),
                    kind=pick(OfferKind.values),
                    title=f"Tilbud {i} med {pick(['lyd', 'lager', 'køkken', 'have', 'butik', 'værksted'])}",
                    capacity=rng.randint(1, 8),
                    hours_per_week=pick([None, 8, 10, 15, 20, 30]),
                    postcode=company.postcode,
                    esco_occupation_id=pick(occupations),
                    workplace_size=pick(["small", "large", ""]),
                    pace=pick(["quiet", "busy", ""]),
                    social=pick(["alone", "team", ""]),
                    setting=pick(["indoors", "outdoors", ""]),
                    suits_under_18=rng.random() > 0.2,
                )
                for i in range(size["offers"])
            ),
            batch_size=2000,
        )
        seekers = _young(org, size["seekers"], "S", rng)
        TeamMember.objects.bulk_create(
            TeamMember(organisation=org, young_person=y, user=counsellor, role=TeamRole.COUNSELLOR) for y in seekers
        )
        profiles = MatchProfile.objects.bulk_create(
            MatchProfile(
                organisation=org,
                young_person=y,
                interests=pick(["lyd, musik", "lager", "mad, køkken", "have, planter", ""]),
                accepted_distance=rng.randint(0, 3),
                postcode=pick(POSTCODES),
                travel_mode=pick(["public", "bike", "car", "walk"]),
                max_travel_minutes=pick([20, 30, 45, 60]),
                hours_min=pick([None, 8, 10]),
                hours_max=pick([None, 20, 30]),
                size=pick(["small", "large", ""]),
                pace=pick(["quiet", "busy", ""]),
            )
            for y in seekers
        )
        through = MatchProfile.occupations.through
        through.objects.bulk_create(
            through(matchprofile_id=p.pk, escooccupation_id=o)
            for p in profiles
            for o in set(rng.sample(occupations, rng.randint(1, 3)))
        )
        Activity.objects.bulk_create(
            (
                Activity(
                    organisation=org,
                    young_person=pick(seekers),
                    kind="internship",
                    title="Praktik",
                    company=pick(companies),
                    state="ended",
                    ends_on=date(2026, 6, 30),
                    ended_on=date(2026, pick([5, 6, 7]), 1),
                    proposed_by=counsellor,
                )
                for _ in range(size["ended"])
            ),
            batch_size=2000,
        )
    return org, counsellor, seekers


def round_instance(n_young, n_offers, rng):
    """Rank lists of 5 to 20 offers; each company ranks the young people who chose it, in its own order."""
    offers = [f"o{i}" for i in range(n_offers)]
    young = {f"y{i}": rng.sample(offers, rng.randint(5, 20)) for i in range(n_young)}
    applicants = {o: [] for o in offers}
    for y, order in young.items():
        for o in order:
            applicants[o].append(y)
    offer_prefs = {}
    for o, people in applicants.items():
        rng.shuffle(people)
        offer_prefs[o] = people[: max(1, int(len(people) * 0.8))]  # a company leaves out a fifth
    capacities = {o: rng.randint(1, 8) for o in offers}
    return young, offer_prefs, capacities


def library_assignment(young, offer_prefs, capacities):
    acceptable = {y: [o for o in order if y in set(offer_prefs[o])] for y, order in young.items()}
    residents = {y: order for y, order in acceptable.items() if order}
    hospitals = {o: [y for y in order if y in residents] for o, order in offer_prefs.items()}
    hospitals = {o: order for o, order in hospitals.items() if order}
    game = HospitalResident.create_from_dictionaries(residents, hospitals, {o: capacities[o] for o in hospitals})
    return {r.name: h.name for h, assigned in game.solve(optimal="resident").items() for r in assigned}


def in_deep_thread(fn):
    """Run fn in a thread with a large stack and recursion limit: the library deep-copies its
    graph of players recursively, which overflows Python's default limit at 2,000 young people."""
    result = {}

    def target():
        sys.setrecursionlimit(1_000_000)
        result["value"] = fn()

    old = threading.stack_size(1024 * 1024 * 1024)
    try:
        thread = threading.Thread(target=target)
        thread.start()
        thread.join()
    finally:
        threading.stack_size(old)
    return result["value"]


def timed(fn, repeat):
    samples, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), result


def round_through_database(org, counsellor, young, offer_prefs, capacities, rng):
    """The same round as rows, computed by the service (reads both rankings, assigns, writes every seat)."""
    with scope(organisation=org.pk):
        people = _young(org, len(young), "R", rng)
        company = Company.objects.create(organisation=org, name="Rundens virksomhed")
        offers = Offer.objects.bulk_create(
            Offer(organisation=org, company=company, kind="trial_internship", title=o, capacity=capacities[o])
            for o in offer_prefs
        )
        round_ = Round.objects.create(organisation=org, title="Bench", created_by=counsellor)
        seats = dict(
            zip(
                young,
                RoundSeat.objects.bulk_create(
                    RoundSeat(organisation=org, round=round_, young_person=p) for p in people
                ),
                strict=True,
            )
        )
        places = dict(
            zip(
                offer_prefs,
                RoundOffer.objects.bulk_create(
                    RoundOffer(organisation=org, round=round_, offer=o, places=o.capacity) for o in offers
                ),
                strict=True,
            )
        )
        YoungPersonChoice.objects.bulk_create(
            (
                YoungPersonChoice(organisation=org, seat=seats[y], round_offer=places[o], rank=i)
                for y, order in young.items()
                for i, o in enumerate(order, start=1)
            ),
            batch_size=5000,
        )
        CompanyChoice.objects.bulk_create(
            (
                CompanyChoice(organisation=org, round_offer=places[o], seat=seats[y], rank=i)
                for o, order in offer_prefs.items()
                for i, y in enumerate(order, start=1)
            ),
            batch_size=5000,
        )
        actor = Actor(counsellor, org, [org], {Role.TEAM_LEAD})
        started = time.perf_counter()
        outcome = services.compute(actor, round_)
        elapsed = (time.perf_counter() - started) * 1000
        by_name = {seats[y].pk: y for y in young}
        names = {places[o].pk: o for o in offer_prefs}
        return elapsed, {by_name[s]: names[o] for s, o in outcome.assignment.items()}


def run(scale, db):
    rng = random.Random(6)
    org, counsellor, seekers = build(scale, rng)
    fresh_statistics()
    client = Client()
    log_in(client, counsellor)
    floor = time_get(client, reverse("healthz"), repeat=30)
    samples = []
    for young_person in seekers:
        url = reverse("offers_for_young_person", kwargs={"pk": young_person.pk})
        client.get(url)  # warm: the first request of each young person is measured below
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    queries = time_get(client, reverse("offers_for_young_person", kwargs={"pk": seekers[0].pk}), repeat=3)["queries"]

    n_young, n_offers = SIZES[scale]["round"]
    young, offer_prefs, capacities = round_instance(n_young, n_offers, rng)
    ours_ms, ours = timed(lambda: stable.assign(young, offer_prefs, capacities).assignment, repeat=5)
    library_ms, library = in_deep_thread(lambda: timed(lambda: library_assignment(young, offer_prefs, capacities), 1))
    database_ms, through_db = round_through_database(org, counsellor, young, offer_prefs, capacities, rng)
    return {
        "offers": SIZES[scale]["offers"],
        "young_people_asked": len(seekers),
        "floor_p95_ms": floor["p95_ms"],
        "suggest_p50_ms": round(statistics.median(samples), 2),
        "suggest_p95_ms": round(percentile(samples, 95), 2),
        "suggest_queries": queries,
        "round_young_people": n_young,
        "round_offers": n_offers,
        "round_choices": sum(len(v) for v in young.values()),
        "round_assigned": len(ours),
        "round_ms": round(ours_ms, 2),
        "library_round_ms": round(library_ms, 2),
        "speedup": round(library_ms / ours_ms, 1),
        "same_result": ours == library == through_db,
        "round_through_database_ms": round(database_ms, 2),
    }
