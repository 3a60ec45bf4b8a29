"""Writes for the match: profiles, weights and rounds of mutual choice. One
transaction per action; a refusal says why and writes nothing."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.access.rules import Kind
from brobygger.audit.models import LogAction
from brobygger.audit.services import log
from brobygger.companies import selectors as company_selectors
from brobygger.companies.models import Offer
from brobygger.core.errors import Refused
from brobygger.staircase import services as staircase
from brobygger.staircase.models import ActivityKind

from . import selectors, stable
from .models import CompanyChoice, MatchProfile, MatchWeights, Round, RoundOffer, RoundSeat, YoungPersonChoice


class MatchError(Refused):
    pass


@transaction.atomic
def save_profile(actor, young_person, *, data, occupations):
    profile, _created = MatchProfile.objects.get_or_create(
        young_person=young_person, defaults={"organisation": young_person.organisation}
    )
    for name, value in data.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    profile.occupations.set(occupations)
    log(actor, LogAction.UPDATE, kind=Kind.YOUNG_PERSON, subject=young_person, obj=profile)
    return profile


@transaction.atomic
def save_weights(actor, *, data):
    weights = MatchWeights.objects.select_for_update().first() or MatchWeights(organisation=actor.organisation)
    for name, value in data.items():
        setattr(weights, name, value)
    weights.updated_by = actor.user
    weights.full_clean()
    weights.save()
    return weights


# Rounds of mutual choice.


def _locked(round_):
    """The round, locked for this transaction, if it is still open for choices."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.state == Round.State.PUBLISHED:
        raise MatchError(_("The round has been published; nothing in it can change."))
    if round_.state == Round.State.CLOSED:
        raise MatchError(_("The round is closed; nothing in it can change."))
    return round_


def _changed(round_):
    round_.changed_at = timezone.now()
    round_.save(update_fields=["changed_at"])


def _add(round_, young_people, offers):
    free_places = dict(
        company_selectors.offers_with_free_places(Offer.objects.filter(pk__in=[o.pk for o in offers])).values_list(
            "pk", "free"
        )
    )
    for offer in offers:
        free = free_places[offer.pk]
        if not offer.is_open or free <= 0:
            raise MatchError(_("%(offer)s has no free places, so it cannot be in the round.") % {"offer": offer})
        RoundOffer.objects.get_or_create(
            round=round_, offer=offer, defaults={"organisation": round_.organisation, "places": free}
        )
    for young_person in young_people:
        RoundSeat.objects.get_or_create(
            round=round_, young_person=young_person, defaults={"organisation": round_.organisation}
        )


@transaction.atomic
def create_round(actor, *, title, choose_by, young_people, offers):
    if not young_people or not offers:
        raise MatchError(_("Choose at least one young person and one offer."))
    round_ = Round.objects.create(
        organisation=actor.organisation, title=title, choose_by=choose_by, created_by=actor.user
    )
    _add(round_, young_people, offers)
    log(actor, LogAction.CREATE, kind=Kind.ROUND, obj=round_)
    return round_


@transaction.atomic
def add_to_round(actor, round_, *, young_people, offers):
    round_ = _locked(round_)
    _add(round_, young_people, offers)
    _changed(round_)
    log(actor, LogAction.UPDATE, kind=Kind.ROUND, obj=round_)
    return round_


def _ordered_unique(items, twice_message):
    seen = set()
    for item in items:
        if item.pk in seen:
            raise MatchError(twice_message % {"name": item})
        seen.add(item.pk)
    return list(items)


@transaction.atomic
def rank_offers(actor, seat, *, ranking, note=""):
    """The young person's private ranking of offers, best first (replaces any earlier one)."""
    round_ = _locked(seat.round)
    seat = RoundSeat.objects.select_for_update().get(pk=seat.pk)
    if seat.left_at:
        raise MatchError(_("You have left this round."))
    ranking = _ordered_unique(ranking, _("You chose %(name)s twice. Choose each offer once."))
    if any(ro.round_id != round_.pk for ro in ranking):
        raise MatchError(_("An offer you chose is not in this round."))
    seat.choices.all().delete()
    YoungPersonChoice.objects.bulk_create(
        YoungPersonChoice(organisation=round_.organisation, seat=seat, round_offer=ro, rank=i)
        for i, ro in enumerate(ranking, start=1)
    )
    # A company can only have ranked someone who chose its offer.
    CompanyChoice.objects.filter(seat=seat).exclude(round_offer__in=ranking).delete()
    seat.note_to_companies = note.strip()
    seat.save(update_fields=["note_to_companies"])
    _changed(round_)
    log(actor, LogAction.UPDATE, kind=Kind.ROUND_SEAT, subject=seat.young_person, obj=seat)
    return seat


@transaction.atomic
def rank_applicants(actor, round_offer, *, ranking):
    """The company's private ranking of the young people who chose its offer, best first."""
    round_ = _locked(round_offer.round)
    ranking = _ordered_unique(ranking, _("You chose %(name)s twice. Choose each young person once."))
    applied = {seat.pk for seat in selectors.applicants(round_offer)[0]}
    if any(seat.pk not in applied for seat in ranking):
        raise MatchError(_("You can only choose young people who chose this offer."))
    round_offer.choices.all().delete()
    CompanyChoice.objects.bulk_create(
        CompanyChoice(organisation=round_.organisation, round_offer=round_offer, seat=seat, rank=i)
        for i, seat in enumerate(ranking, start=1)
    )
    _changed(round_)
    log(actor, LogAction.UPDATE, kind=Kind.ROUND_OFFER, obj=round_offer)
    return round_offer


@transaction.atomic
def leave(actor, seat):
    """A young person leaves the round: their choices, and the companies' choices of them, go."""
    round_ = _locked(seat.round)
    seat = RoundSeat.objects.select_for_update().get(pk=seat.pk)
    if seat.left_at:
        raise MatchError(_("%(name)s has already left the round.") % {"name": seat.young_person.first_name})
    seat.choices.all().delete()
    CompanyChoice.objects.filter(seat=seat).delete()
    seat.left_at = timezone.now()
    seat.result = None
    seat.unmatched_reason = ""
    seat.save(update_fields=["left_at", "result", "unmatched_reason"])
    _changed(round_)
    log(actor, LogAction.UPDATE, kind=Kind.ROUND_SEAT, subject=seat.young_person, obj=seat)
    return seat


@transaction.atomic
def compute(actor, round_):
    """The proposed result: the young-person-optimal stable assignment. Staff see it; nobody else does."""
    round_ = _locked(round_)
    young, offers, capacities = selectors.preferences(round_)
    outcome = stable.assign(young, offers, capacities)
    RoundSeat.objects.bulk_update(_seats_with(round_, outcome), ["result", "unmatched_reason"])
    round_.computed_at = timezone.now()
    round_.save(update_fields=["computed_at"])
    log(actor, LogAction.UPDATE, kind=Kind.ROUND, obj=round_)
    return outcome


def _seats_with(round_, outcome):
    seats = list(RoundSeat.objects.filter(round=round_))
    for seat in seats:
        seat.result_id = None if seat.left_at else outcome.assignment.get(seat.pk)
        unmatched = outcome.unmatched.get(seat.pk)
        seat.unmatched_reason = unmatched[0] if unmatched and not seat.left_at else ""
    return seats


@transaction.atomic
def publish(actor, round_):
    """Staff confirm the result: each young person assigned an offer gets it as a proposal, to say yes
    or no to (en dør på klem). All or nothing."""
    round_ = _locked(round_)
    if not round_.result_is_current:
        raise MatchError(_("Choices have changed since the result was computed. Compute it again, then publish."))
    for seat in selectors.seats(round_).filter(result__isnull=False, left_at__isnull=True):
        offer = seat.result.offer
        data = {
            "offer": offer,
            "company": offer.company,
            "kind": offer.kind,
            "title": offer.title,
            "hours_per_week": offer.hours_per_week,
        }
        if offer.kind == ActivityKind.INTERNSHIP:
            data["skipped_trial_reason"] = _("Chosen by both in the round “%(round)s”.") % {"round": round_.title}
        try:
            staircase.propose(actor, seat.young_person, data=data)
        except staircase.ActivityError as error:
            raise MatchError(
                _("Nothing was published: %(name)s cannot be proposed %(offer)s. %(why)s")
                % {"name": seat.young_person.full_name, "offer": offer, "why": error}
            ) from error
    _finish(actor, round_, Round.State.PUBLISHED)
    return round_


@transaction.atomic
def close(actor, round_):
    """End the round without a result."""
    round_ = _locked(round_)
    _finish(actor, round_, Round.State.CLOSED)
    return round_


def _finish(actor, round_, state):
    round_.state = state
    round_.finished_at = timezone.now()
    round_.finished_by = actor.user
    round_.save(update_fields=["state", "finished_at", "finished_by"])
    log(actor, LogAction.UPDATE, kind=Kind.ROUND, obj=round_)
