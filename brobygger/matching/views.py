from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.audit.models import LogAction
from brobygger.companies.models import Offer
from brobygger.core.forms import bound, perform, submit
from brobygger.people import selectors as people_selectors

from . import reasons, selectors, services
from .forms import MatchProfileForm, RankingForm, RoundForm, WeightsForm
from .models import MatchProfile

YP, RO = Kind.YOUNG_PERSON, Kind.ROUND
OWN_ROLE = "young_person"


def _profile_form(request, young_person):
    profile = selectors.profile_of(young_person) or MatchProfile(young_person=young_person)
    return MatchProfileForm(bound(request), instance=profile)


def _save_profile(request, young_person, success):
    form = _profile_form(request, young_person)

    def act(_data):
        services.save_profile(request.actor, young_person, data=form.profile_data(), occupations=form.occupations())

    return form, submit(request, form, act, success=success)


@rule(YP, Action.UPDATE_PLAN, methods=("GET", "POST"))
def profile_edit(request, pk):
    young_person = policy.fetch(request.actor, YP, Action.UPDATE_PLAN, pk).obj
    form, saved = _save_profile(request, young_person, _("The match profile is saved."))
    if saved:
        return redirect("offers_for_young_person", pk=young_person.pk)
    context = {"form": form, "young_person": young_person}
    return render(request, "matching/profile_form.html", context)


@rule(Kind.OWN_DATA, Action.WISH, methods=("GET", "POST"))
def own_profile_edit(request):
    young_person = people_selectors.own_young_person(request.actor)
    if young_person is None:
        return redirect("portal")
    form, saved = _save_profile(request, young_person, _("Thank you. Your team sees what you look for."))
    if saved:
        return redirect("portal")
    return render(request, "matching/profile_form.html", {"form": form, "young_person": young_person, "own": True})


@rule(YP, Action.SUGGEST)
def offers_for_young_person(request, pk):
    young_person = policy.fetch(request.actor, YP, Action.SUGGEST, pk).obj
    result, offers = selectors.offers_for(young_person)
    audit.log(request.actor, LogAction.SEARCH, kind=YP, subject=young_person, criterion="match suggestions")
    context = {
        "young_person": young_person,
        **_first_suggestions(request, [(offers[s.key], pros, cons) for s, pros, cons in reasons.explained(result)]),
        "excluded": [reasons.describe_excluded(rule, n) for rule, n in sorted(result.excluded.items())],
        "considered": result.considered,
        "has_profile": selectors.profile_of(young_person) is not None,
        "may_propose": policy.may_on(request.actor, YP, Action.PROPOSE_ACTIVITY, young_person),
        "may_edit_profile": policy.may_on(request.actor, YP, Action.UPDATE_PLAN, young_person),
    }
    return render(request, "matching/offers_for_young_person.html", context)


@rule(Kind.OFFER, Action.SUGGEST)
def young_people_for_offer(request, pk):
    offer = policy.fetch(
        request.actor, Kind.OFFER, Action.SUGGEST, pk, refine=lambda qs: qs.select_related("company")
    ).obj
    visible = policy.visible(request.actor, YP, Action.SUGGEST)
    result, people = selectors.young_people_for(offer, visible)
    audit.log_search(request.actor, kind=Kind.OFFER, criterion="match suggestions", found=people.values())
    proposable = set()
    if policy.may(request.actor, YP, Action.PROPOSE_ACTIVITY):
        may_propose_to = policy.visible(request.actor, YP, Action.PROPOSE_ACTIVITY).filter(pk__in=list(people))
        proposable = set(may_propose_to.values_list("pk", flat=True))
    context = {
        "offer": offer,
        **_first_suggestions(
            request, [(people[s.key], pros, cons, s.key in proposable) for s, pros, cons in reasons.explained(result)]
        ),
        "excluded": [reasons.describe_excluded(rule, n) for rule, n in sorted(result.excluded.items())],
    }
    return render(request, "matching/young_people_for_offer.html", context)


SUGGESTIONS_SHOWN = 5  # the best few fill a phone screen or two; "Vis flere" shows all the engine found


def _first_suggestions(request, rows):
    """The best suggestions, and how many more there are (all of them with ?all=1)."""
    if request.GET.get("all") == "1":
        return {"rows": rows, "more": 0}
    return {"rows": rows[:SUGGESTIONS_SHOWN], "more": max(0, len(rows) - SUGGESTIONS_SHOWN)}


@rule(Kind.MATCH_WEIGHTS, Action.UPDATE, methods=("GET", "POST"))
def weights_edit(request):
    form = WeightsForm(bound(request), instance=selectors.weights_row())
    if submit(request, form, lambda data: services.save_weights(request.actor, data=data), success=_("Saved.")):
        return redirect("match_weights")
    return render(request, "matching/weights_form.html", {"form": form})


# Rounds of mutual choice.


def _round_form(request, round_=None):
    people = policy.visible(request.actor, YP, Action.SUGGEST).exclude(pathway__state="ended")
    offers = Offer.objects.filter(is_open=True, capacity__gt=0).select_related("company")
    if round_ is not None:  # adding to a round: only who and what is not in it yet
        people = people.exclude(round_seats__round=round_)
        offers = offers.exclude(pk__in=round_.offers.values("offer_id"))
    people = people.order_by("first_name", "last_name")
    return RoundForm(bound(request), young_people=people, offers=offers, adding=round_ is not None)


@rule(RO, Action.LIST, methods=("GET", "POST"))
def rounds(request):
    may_create = policy.may(request.actor, RO, Action.CREATE)
    form = _round_form(request) if may_create else None
    done = may_create and submit(
        request,
        form,
        lambda data: services.create_round(request.actor, **data),
        success=_("The round is open. The young people can choose on their page."),
    )
    if done:
        return redirect("round_detail", pk=done.value.pk)
    context = {
        "rounds": selectors.rounds()[:50],
        "form": form,
        "may_weigh": policy.may(request.actor, Kind.MATCH_WEIGHTS, Action.UPDATE),
    }
    return render(request, "matching/rounds.html", context)


@rule(RO, Action.VIEW)
def round_detail(request, pk):
    round_ = policy.fetch(request.actor, RO, Action.VIEW, pk).obj
    seats = list(selectors.seats(round_))
    audit.log_search(request.actor, kind=RO, criterion="round", found=[seat.young_person for seat in seats])
    context = {
        "round": round_,
        "seats": [(seat, reasons.describe_unmatched(seat.unmatched_reason)) for seat in seats],
        "offers": selectors.round_offers(round_),
        "progress": selectors.progress(round_),
        "add_form": _round_form(request, round_) if round_.is_open else None,
        "may_update": policy.may(request.actor, RO, Action.UPDATE),
        "may_rank": policy.may(request.actor, Kind.ROUND_OFFER, Action.RANK),
        "viewable": policy.allowed_among(
            request.actor, Kind.YOUNG_PERSON, Action.VIEW, [seat.young_person for seat in seats]
        ),
    }
    return render(request, "matching/round_detail.html", context)


def _round_action(request, pk, action, act, success):
    """Take a staff action on a round; a refusal comes back as a message on the round's page."""
    round_ = policy.fetch(request.actor, RO, action, pk).obj
    perform(request, lambda: act(request.actor, round_), success=success)
    return redirect("round_detail", pk=round_.pk)


@rule(RO, Action.UPDATE, methods=("POST",))
def round_add(request, pk):
    def add(actor, round_):
        form = _round_form(request, round_)
        if not form.is_valid():
            raise services.MatchError(_("Choose young people or offers to add."))
        services.add_to_round(actor, round_, **form.cleaned_data)

    return _round_action(request, pk, Action.UPDATE, add, _("Added to the round."))


@rule(RO, Action.UPDATE, methods=("POST",))
def round_compute(request, pk):
    success = _("The proposed result is ready. Only staff can see it until you publish it.")
    return _round_action(request, pk, Action.UPDATE, services.compute, success)


@rule(RO, Action.PUBLISH, methods=("POST",))
def round_publish(request, pk):
    success = _("Published. Each young person with a place has it as a proposal to say yes or no to.")
    return _round_action(request, pk, Action.PUBLISH, services.publish, success)


@rule(RO, Action.END, methods=("POST",))
def round_close(request, pk):
    return _round_action(request, pk, Action.END, services.close, _("The round is closed."))


@rule(Kind.ROUND_SEAT, Action.RANK, methods=("GET", "POST"))
def rank_offers(request, pk):
    seat = policy.fetch(
        request.actor, Kind.ROUND_SEAT, Action.RANK, pk, refine=lambda qs: qs.select_related("round")
    ).obj
    options = list(selectors.round_offers(seat.round))
    chosen = [c.round_offer_id for c in selectors.choices_of(seat)]
    form, moved = _ranking_form(
        request, options=options, initial_order=chosen, note=seat.note_to_companies, label=lambda ro: ro.offer.title
    )

    def act(data):
        services.rank_offers(request.actor, seat, ranking=data["ranking"], note=data.get("note", ""))

    success = _("Your choices are saved. Only you can see them.")
    if not moved and seat.round.is_open and submit(request, form, act, success=success):
        return redirect("portal")
    context = {"seat": seat, "form": form, "moved": moved}
    return render(request, "matching/rank_offers.html", context)


def _ranking_form(request, **kwargs):
    """The ranking form, and the move ("<key>:up"/"<key>:down") when the person moved a card: the
    page then comes back with the card in its new place and nothing saved."""
    form = RankingForm(bound(request), **kwargs)
    move = request.POST.get("move", "") if request.method == "POST" else ""
    if not move:
        return form, ""
    return RankingForm(form.moved(move), **kwargs), move


@rule(Kind.ROUND_SEAT, Action.WITHDRAW, methods=("POST",))
def leave_round(request, pk):
    seat = policy.fetch(
        request.actor, Kind.ROUND_SEAT, Action.WITHDRAW, pk, refine=lambda qs: qs.select_related("round")
    ).obj
    perform(request, lambda: services.leave(request.actor, seat), success=_("Left the round. The choices are deleted."))
    if request.actor.acting_role == OWN_ROLE:
        return redirect("portal")
    return redirect("round_detail", pk=seat.round_id)


@rule(Kind.ROUND_OFFER, Action.RANK, methods=("GET", "POST"))
def rank_applicants(request, pk):
    round_offer = policy.fetch(
        request.actor,
        Kind.ROUND_OFFER,
        Action.RANK,
        pk,
        refine=lambda qs: qs.select_related("round", "offer__company"),
    ).obj
    applied, ranking = selectors.applicants(round_offer)
    today = timezone.localdate()

    def label(seat):
        return _("%(name)s, %(age)s years") % {
            "name": seat.young_person.first_name,
            "age": seat.young_person.age_on(today),
        }

    form, moved = _ranking_form(request, options=applied, initial_order=ranking, label=label)

    def act(data):
        services.rank_applicants(request.actor, round_offer, ranking=data["ranking"])

    success = _("Your ranking is saved.")
    if not moved and round_offer.round.is_open and submit(request, form, act, success=success):
        return redirect("rank_applicants", pk=round_offer.pk)
    audit.log(request.actor, LogAction.VIEW, kind=Kind.ROUND_OFFER, obj=round_offer)
    context = {"round_offer": round_offer, "form": form, "moved": moved, "applicants": applied}
    return render(request, "matching/rank_applicants.html", context)
