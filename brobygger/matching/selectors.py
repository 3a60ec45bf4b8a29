"""Reads for the match: young people and offers as the engine's plain rows,
in a fixed number of queries whatever the size of the network."""

import gc
from contextlib import contextmanager

from django.db.models import CharField, Count, F, FloatField, Q
from django.db.models.functions import Cast
from django.utils import timezone

from brobygger.certificates.models import Certificate
from brobygger.companies.models import CompanyMentor, Offer
from brobygger.staircase.models import Activity

from . import engine
from .models import CompanyChoice, MatchProfile, MatchWeights, Round, RoundOffer, RoundSeat, YoungPersonChoice

RUNNING = (Activity.State.ACCEPTED, Activity.State.ACTIVE)
PENDING = (Activity.State.PROPOSED, *RUNNING)
OFFER_ENVIRONMENT = {"size": "workplace_size", "pace": "pace", "social": "social", "setting": "setting"}


def weights():
    found = MatchWeights.objects.first()
    return found.as_dict() if found else dict(engine.DEFAULT_WEIGHTS)


def weights_row():
    return MatchWeights.objects.first()


def profile_of(young_person):
    return MatchProfile.objects.filter(young_person=young_person).prefetch_related("occupations").first()


def _occupation(uri, isco, label):
    return engine.Occupation(uri, isco or "", label) if uri else None


def _wished_occupations(profile_ids):
    through = MatchProfile.occupations.through.objects.filter(matchprofile_id__in=profile_ids)
    found = {}
    for profile_id, uri, isco, label in through.values_list(
        "matchprofile_id", "escooccupation__uri", "escooccupation__isco_group", "escooccupation__label"
    ):
        found.setdefault(profile_id, []).append(engine.Occupation(uri, isco or "", label))
    return found


def seekers(young_people, today=None):
    """An engine.Seeker for each young person (one with no profile yet gets only the age rule)."""
    today = today or timezone.localdate()
    people = list(young_people.values_list("pk", "birth_date"))
    profiles = {
        p.young_person_id: p for p in MatchProfile.objects.filter(young_person_id__in=[pk for pk, _b in people])
    }
    wished = _wished_occupations([p.pk for p in profiles.values()])
    found = []
    for pk, birth_date in people:
        age = today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))
        profile = profiles.get(pk)
        if profile is None:
            found.append(engine.Seeker(key=pk, age=age))
            continue
        found.append(
            engine.Seeker(
                key=pk,
                age=age,
                postcode=profile.postcode,
                mode=profile.travel_mode,
                max_minutes=profile.max_travel_minutes,
                hours_min=profile.hours_min,
                hours_max=profile.hours_max,
                accepted_distance=profile.accepted_distance,
                occupations=tuple(wished.get(profile.pk, ())),
                interests=engine.words(profile.interests),
                environment={d: getattr(profile, d) for d in engine.ENVIRONMENT_DIMENSIONS},
            )
        )
    return found


def _per(queryset, key, aggregate):
    return dict(queryset.order_by().values(key).annotate(n=aggregate).values_list(key, "n"))


def _company_key(queryset, field="company_id"):
    # The company's id as text, the same on both sides of the join in Python (and cheaper to read).
    return queryset.annotate(company_key=Cast(field, CharField())).values_list("company_key", flat=True)


def _per_company(queryset, field="company_id"):
    return dict(
        queryset.order_by()
        .annotate(company_key=Cast(field, CharField()))
        .values("company_key")
        .annotate(n=Count("pk"))
        .values_list("company_key", "n")
    )


def running_per_offer():
    """Offer -> placements running from it (those take its places), for every offer at once."""
    return _per(Activity.objects.filter(state__in=RUNNING, offer__isnull=False), "offer_id", Count("pk"))


def company_record():
    """Per company (id as text): placements completed, placements ended before their planned end,
    learning certificates issued."""
    early = Q(ends_on__isnull=False, ended_on__lt=F("ends_on"))
    ended = (
        Activity.objects.filter(state=Activity.State.ENDED, company__isnull=False)
        .order_by()
        .annotate(company_key=Cast("company_id", CharField()))
        .values("company_key")
        .annotate(early=Count("pk", filter=early), done=Count("pk", filter=~early))
        .values_list("company_key", "done", "early")
    )
    completed, ended_early = {}, {}
    for company, done, early_count in ended:
        completed[company], ended_early[company] = done, early_count
    certificates = _per_company(Certificate.objects.filter(state=Certificate.State.ISSUED), "activity__company_id")
    return completed, ended_early, certificates


def slots(offers):
    """An engine.Slot for each open offer in the queryset. Tuples, and ids and hours cast in
    the database, because this reads every offer in the network for each suggestion list."""
    rows = offers.filter(is_open=True).values_list(
        "pk",
        "title",
        "description",
        Cast("hours_per_week", FloatField()),
        "postcode",
        "suits_under_18",
        "capacity",
        Cast("company_id", CharField()),
        "company__knows_target_group",
        "company__agreement_in_place",
        "esco_occupation__uri",
        "esco_occupation__isco_group",
        "esco_occupation__label",
        *OFFER_ENVIRONMENT.values(),
    )
    running = running_per_offer()
    with_mentor = set(_company_key(CompanyMentor.objects.all()))
    completed, ended_early, certificates = company_record()
    found = []
    for pk, title, description, hours, postcode, under_18, capacity, company, knows, agreement, *rest in rows:
        uri, isco, label, size, pace, social, setting = rest
        found.append(
            engine.Slot(
                key=pk,
                text=f"{title} {description} {label or ''}".lower(),
                occupation=_occupation(uri, isco, label),
                hours=hours,
                postcode=postcode,
                environment={"size": size, "pace": pace, "social": social, "setting": setting},
                suits_under_18=under_18,
                free_places=capacity - running.get(pk, 0),
                has_mentor=company in with_mentor,
                knows_target_group=knows,
                agreement=agreement,
                completed=completed.get(company, 0),
                ended_early=ended_early.get(company, 0),
                certificates=certificates.get(company, 0),
            )
        )
    return found


def pending_offer_ids(young_person):
    """Offers the young person has already been proposed, or is in."""
    return set(
        Activity.objects.filter(young_person=young_person, state__in=PENDING, offer__isnull=False).values_list(
            "offer_id", flat=True
        )
    )


@contextmanager
def _cyclic_gc_paused():
    """Scoring reads every offer and makes ten thousand short-lived rows with no cycles;
    reference counting frees them, and pausing the cyclic collector meanwhile takes 50 to
    80 ms of jitter off each suggestion list (measured in `make bench`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def offers_for(young_person, limit=20):
    """The best offers for a young person: (engine.Suggestions, offers by pk)."""
    [seeker] = seekers(young_person.__class__.objects.filter(pk=young_person.pk))
    pending = pending_offer_ids(young_person)
    with _cyclic_gc_paused():
        candidates = [s for s in slots(Offer.objects.all()) if s.key not in pending]
        result = engine.offers_for(seeker, candidates, weights(), limit)
    if pending:
        result.excluded["already_proposed"] = len(pending)
    offers = Offer.objects.select_related("company", "esco_occupation").in_bulk([s.key for s in result.items])
    return result, offers


def young_people_for(offer, young_people, limit=20):
    """The young people (of those given) an offer suits best: (engine.Suggestions, young people by pk)."""
    open_pathway = young_people.exclude(pathway__state="ended")
    slot = slots(Offer.objects.filter(pk=offer.pk))
    if not slot:
        return engine.Suggestions([], 0, {}), {}
    with _cyclic_gc_paused():
        result = engine.seekers_for(slot[0], seekers(open_pathway), weights(), limit)
    people = young_people.model.objects.in_bulk([s.key for s in result.items])
    return result, people


# Rounds of mutual choice.


def rounds():
    return Round.objects.annotate(
        people=Count("seats", filter=Q(seats__left_at__isnull=True), distinct=True),
        offer_count=Count("offers", distinct=True),
    )


def round_offers(round_):
    return RoundOffer.objects.filter(round=round_).select_related("offer__company")


def seats(round_):
    return RoundSeat.objects.filter(round=round_).select_related("young_person", "result__offer__company")


def progress(round_):
    """How many on each side have chosen: never what they chose."""
    active = RoundSeat.objects.filter(round=round_, left_at__isnull=True)
    return {
        "young_chosen": active.filter(choices__isnull=False).distinct().count(),
        "young_total": active.count(),
        "offers_chosen": RoundOffer.objects.filter(round=round_, choices__isnull=False).distinct().count(),
        "offers_total": RoundOffer.objects.filter(round=round_).count(),
    }


def preferences(round_):
    """Both sides' rankings as the stable-assignment input, for staff to compute the result."""
    active = set(RoundSeat.objects.filter(round=round_, left_at__isnull=True).values_list("pk", flat=True))
    young = {seat: [] for seat in active}
    for seat, offer in (
        YoungPersonChoice.objects.filter(seat__round=round_)
        .order_by("seat", "rank")
        .values_list("seat_id", "round_offer_id")
    ):
        if seat in active:
            young[seat].append(offer)
    offers = {}
    for offer, seat in (
        CompanyChoice.objects.filter(round_offer__round=round_)
        .order_by("round_offer", "rank")
        .values_list("round_offer_id", "seat_id")
    ):
        if seat in active:
            offers.setdefault(offer, []).append(seat)
    capacities = dict(RoundOffer.objects.filter(round=round_).values_list("pk", "places"))
    return young, offers, capacities


def choices_of(seat):
    return list(seat.choices.select_related("round_offer__offer__company").order_by("rank"))


def applicants(round_offer):
    """The young people who chose this offer (first name, age and note only), and the company's own ranking."""
    applied = RoundSeat.objects.filter(choices__round_offer=round_offer, left_at__isnull=True)
    ranking = CompanyChoice.objects.filter(round_offer=round_offer).order_by("rank").values_list("seat_id", flat=True)
    return list(applied.select_related("young_person")), list(ranking)


def seats_of(young_person):
    return RoundSeat.objects.filter(young_person=young_person).select_related("round", "result__offer__company")
