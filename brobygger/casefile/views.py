"""The professionals' page about one young person: it gathers what many apps hold about them (the
pathway, notes, activities, the team, consents, documents), and erasure, which asks every app to forget.
It stands above the apps it gathers; none of them imports it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, FieldCategory, Kind
from brobygger.attachments import selectors as attachment_selectors
from brobygger.audit import services as audit
from brobygger.consent import selectors as consent_selectors
from brobygger.conversations import selectors as note_selectors
from brobygger.core.errors import Refused
from brobygger.core.forms import bound
from brobygger.core.parts import Part, draw
from brobygger.core.roles import Role
from brobygger.followup import selectors as followup_selectors
from brobygger.pathways import selectors as pathway_selectors
from brobygger.pathways.models import Pathway
from brobygger.people import selectors
from brobygger.people.forms import EraseForm
from brobygger.staircase import selectors as activity_selectors

from . import erasure

YP = Kind.YOUNG_PERSON


def _young_person(request, pk, action):
    return policy.fetch(request.actor, Kind.YOUNG_PERSON, action, pk).obj


def _page(request, pk):
    """The young person and what the actor may see and do on their page.
    A mentor sees only the categories the young person consented to share."""
    young_person = _young_person(request, pk, Action.VIEW)
    categories = policy.visible_categories(request.actor, young_person)
    context = {
        "young_person": young_person,
        "categories": categories,
        "is_mentor_view": categories != set(FieldCategory.values) or request.actor.acting_role == Role.MENTOR,
        "may": _Allowed(request.actor, young_person),
    }
    return young_person, context


class _Allowed(dict):
    """What the actor may do on the young person's page (`PAGE_ACTIONS`), each answer worked out
    the first time a template asks, so that a part asks only about its own actions."""

    def __init__(self, actor, young_person):
        super().__init__()
        self.actor, self.young_person = actor, young_person

    def __missing__(self, action):
        if action not in PAGE_ACTIONS:
            raise KeyError(action)
        self[action] = allowed = policy.allowed_on(self.actor, Action(action), self.young_person)
        return allowed


@rule(YP, Action.VIEW)
def young_person_detail(request, pk):
    """The young person's page for professionals: the actions and the referral, where they are on
    the way with the next good step and the status at the top, then both tracks side by side, notes,
    activities, the team and consents. The access log gets a row for each kind of data it showed."""
    young_person, context = _page(request, pk)
    draw(request, PARTS, context)
    kinds = dict.fromkeys([YP, *(shown.kind for shown in context["parts"].values())])
    audit.log_views(request.actor, kinds, young_person, young_person)
    return render(request, "casefile/detail.html", context)


def _once(context, key, read):
    """What several lists of the page show (the pathway, today's status, the plan's steps), read
    the first time one of them asks."""
    if key not in context:
        context[key] = read()
    return context[key]


def _pathway(context):
    return _once(context, "pathway", lambda: pathway_selectors.pathway_of(context["young_person"]))


def _shown_status(context):
    return _once(context, "status", lambda: pathway_selectors.shown_status(context["young_person"]))


def _steps_by_track(context):
    return _once(context, "_steps_by_track", lambda: pathway_selectors.steps_by_track(context["young_person"]))


def _where(request, context):
    """Where the young person is on the way: the pathway, the status, the next good step."""
    _by_track, rows = _steps_by_track(context)
    return {
        "pathway": _pathway(context),
        "status": _shown_status(context),
        "next_step": pathway_selectors.next_good_step(rows),
        "progress": pathway_selectors.progress(rows),
        "phases": Pathway.Phase.choices,
    }


def _status(request, context):
    return {"status": _shown_status(context), "status_codes": pathway_selectors.codes("activity")}


def _plan(request, context):
    by_track, _rows = _steps_by_track(context)
    return {
        "pathway": _pathway(context),
        "steps": by_track,
        "wishes": pathway_selectors.wishes(context["young_person"]),
    }


def _notes(request, context):
    young_person = context["young_person"]
    notes, more = note_selectors.latest(young_person, NOTES_ON_PAGE)
    return {
        "notes": notes,
        "notes_more": more,
        "attachments": attachment_selectors.for_young_person(young_person),
        "may_delete_attachments": policy.may(request.actor, Kind.ATTACHMENT, Action.DELETE),
    }


def _activities(request, context):
    young_person = context["young_person"]
    talents = None if context["is_mentor_view"] else activity_selectors.talents_of(young_person)
    return {"activities": activity_selectors.listed_for_young_person(young_person), "talents": talents}


def _followup(request, context):
    return {
        "followup_plan": followup_selectors.open_plan(context["young_person"]),
        "may_record_contact": policy.may(request.actor, Kind.FOLLOWUP_CONTACT, Action.RECORD),
    }


def _team(request, context):
    young_person = context["young_person"]
    return {
        "team": selectors.team_of(young_person) if "team" in context["categories"] else None,
        "consents": None if context["is_mentor_view"] else consent_selectors.history_for(young_person),
    }


def _shows_plan(request, context):
    return "plan" in context["categories"]


# The lists of the young person's page; a mentor sees only those the young person consented to.
PARTS = {
    "where": Part("casefile/parts/where.html", _where, _shows_plan, Kind.PLAN_STEP),
    "status": Part(
        "casefile/parts/status.html",
        _status,
        lambda request, context: not context["is_mentor_view"] and context["may"][Action.CHANGE_STATUS],
        Kind.YOUNG_PERSON,
    ),
    "plan": Part("casefile/parts/plan.html", _plan, _shows_plan, Kind.PLAN_STEP),
    "followup": Part(
        "casefile/parts/followup.html",
        _followup,
        lambda request, context: not context["is_mentor_view"],
        Kind.FOLLOWUP_CONTACT,
    ),
    "notes": Part(
        "casefile/parts/notes.html", _notes, lambda request, context: not context["is_mentor_view"], Kind.NOTE
    ),
    "activities": Part(
        "casefile/parts/activities.html",
        _activities,
        lambda request, context: "activities" in context["categories"],
        Kind.ACTIVITY,
    ),
    "team": Part(
        "casefile/parts/team.html",
        _team,
        lambda request, context: "team" in context["categories"] or not context["is_mentor_view"],
        Kind.TEAM_MEMBER,
    ),
}


NOTES_ON_PAGE = 3  # the newest; "Se alle noter" leads to the rest

PAGE_ACTIONS = (
    Action.UPDATE,
    Action.MANAGE_TEAM,
    Action.GIVE_CONSENT,
    Action.UPDATE_PLAN,
    Action.CHANGE_STATUS,
    Action.WRITE_NOTE,
    Action.PROPOSE_ACTIVITY,
    Action.ACCEPT_PATHWAY,
    Action.VIEW_SENSITIVE,
    Action.RECORD_SENSITIVE,
    Action.RECORD_TALENT,
    Action.POINT_TO_COMMUNITY,
    Action.END_PATHWAY,
    Action.START_FOLLOWUP,
    Action.RECORD_MEASURE,
    Action.SUGGEST,
    Action.ATTACH,
    Action.ERASE,
)


@rule(Kind.SHARED_PERSON, Action.LIST)
def shared_list(request):
    people = (
        policy.visible(request.actor, Kind.SHARED_PERSON, Action.LIST)
        .select_related("organisation")
        .order_by("first_name", "last_name")
    )
    rows = [(yp, consent_selectors.categories_shared_with(yp, request.actor.organisation)) for yp in people]
    audit.log_search(request.actor, kind=Kind.SHARED_PERSON, criterion="shared-with-us", found=people)
    return render(request, "casefile/shared_list.html", {"rows": rows})


@rule(Kind.SHARED_PERSON, Action.VIEW)
def shared_detail(request, pk):
    young_person = policy.fetch(
        request.actor, Kind.SHARED_PERSON, Action.VIEW, pk, refine=lambda qs: qs.select_related("organisation")
    ).obj
    audit.log_view(request.actor, Kind.SHARED_PERSON, young_person, young_person)
    categories = consent_selectors.categories_shared_with(young_person, request.actor.organisation)
    team = selectors.team_across_organisations(young_person) if "team" in categories else None
    context = {"young_person": young_person, "categories": categories, "team": team}
    return render(request, "casefile/shared_detail.html", context)


@rule(YP, Action.ERASE, methods=("GET", "POST"))
def young_person_erase(request, pk):
    """Erase (NGOs) or archive (municipal units), after typing the young person's name to confirm."""
    young_person = _young_person(request, pk, Action.ERASE)
    archives = young_person.organisation.archives_instead_of_erasing
    form = EraseForm(bound(request), expected=young_person.full_name)
    if request.method == "POST" and form.is_valid():
        try:
            if archives:
                erasure.archive(request.actor, young_person)
                messages.success(request, _("%(name)s is archived.") % {"name": young_person.full_name})
                return redirect("young_person_detail", pk=young_person.pk)
            erasure.erase(request.actor, young_person)
        except Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Everything about the young person is erased."))
            return redirect("young_people_list")
    context = {"form": form, "young_person": young_person, "archives": archives}
    return render(request, "casefile/erase.html", context)
