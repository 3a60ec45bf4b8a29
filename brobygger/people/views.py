from collections.abc import Callable
from typing import NamedTuple

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, FieldCategory, Kind
from brobygger.attachments import selectors as attachment_selectors
from brobygger.audit import services as audit
from brobygger.consent import selectors as consent_selectors
from brobygger.conversations import selectors as note_selectors
from brobygger.errors import Refused
from brobygger.pathways import selectors as pathway_selectors
from brobygger.pathways.models import Pathway
from brobygger.staircase import selectors as activity_selectors
from brobygger.tenancy.models import Role
from brobygger.web.forms import bound
from brobygger.web.parts import part

from . import erasure, selectors, services
from .forms import AccountForm, CprLookupForm, EraseForm, ReferralForm, SearchForm, TeamMemberForm

YP = Kind.YOUNG_PERSON
YOUNG_PEOPLE_PER_PAGE = 25  # a phone's few screens; the search finds the rest


def _young_person(request, pk, action):
    return policy.young_person_and_role(request.actor, action, pk)


@rule(YP, Action.LIST)
def young_people_list(request):
    form = SearchForm(request.GET or None)
    term = form.cleaned_data["q"] if form.is_valid() else ""
    queryset = selectors.with_entry_point(selectors.search(policy.queryset(request.actor, YP, Action.LIST), term))
    queryset = queryset.filter(archived_at__isnull=True)
    page = Paginator(queryset, YOUNG_PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    if term:
        role = policy.granting_role(request.actor, YP, Action.LIST)
        audit.log_search(request.actor, kind=YP, criterion=term, found=page.object_list, role=role)
    template = "people/_list_rows.html" if request.htmx else "people/list.html"
    context = {"form": form, "page": page, "term": term}
    if request.actor.organisation.archives_instead_of_erasing:
        context["cpr_form"] = CprLookupForm()
    return render(request, template, context)


@rule(YP, Action.LIST, methods=("POST",))
def young_person_find_cpr(request):
    """Find a young person by CPR number (POST only: the number never goes into an address)."""
    form = CprLookupForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["cpr"]))
        return redirect("young_people_list")
    queryset = policy.queryset(request.actor, YP, Action.VIEW)
    role = policy.granting_role(request.actor, YP, Action.LIST)
    young_person = services.find_by_cpr(request.actor, queryset, form.cleaned_data["cpr"], role)
    if young_person is None:
        messages.info(request, _("No young person you have access to has that CPR number."))
        return redirect("young_people_list")
    return redirect("young_person_detail", pk=young_person.pk)


@rule(YP, Action.CREATE, methods=("GET", "POST"))
def young_person_create(request):
    form = ReferralForm(bound(request), with_cpr=request.actor.organisation.archives_instead_of_erasing)
    if request.method == "POST" and form.is_valid():
        try:
            young_person = services.create_referral(request.actor, data=form.cleaned_data)
        except Refused as refusal:
            form.add_error("cpr" if "cpr" in form.fields else None, str(refusal))
            return render(request, "people/form.html", {"form": form, "title": _("New referral")})
        messages.success(request, _("The referral of %(name)s is registered.") % {"name": young_person.full_name})
        if policy.may(request.actor, YP, Action.VIEW):
            return redirect("young_person_detail", pk=young_person.pk)
        return redirect("young_people_list")
    return render(request, "people/form.html", {"form": form, "title": _("New referral")})


def _page(request, pk):
    """The young person, the role the access log names, and what the actor may see and do on their page.
    A mentor sees only the categories the young person consented to share."""
    young_person, role = _young_person(request, pk, Action.VIEW)
    categories = policy.visible_categories(request.actor, young_person)
    context = {
        "young_person": young_person,
        "categories": categories,
        "is_mentor_view": categories != set(FieldCategory.values) or role == Role.MENTOR,
        "may": _Allowed(request.actor, young_person),
    }
    return young_person, role, context


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
    """The young person's page for professionals: the actions and the referral, and the parts the
    page loads after itself (brobygger.web.parts): where they are on the way with the next good
    step and the status at the top, then both tracks side by side, notes, activities, the team and
    consents."""
    young_person, role, context = _page(request, pk)
    audit.log_view(request.actor, YP, young_person, young_person, role)
    context["parts"] = {
        key: {"url": reverse(f"young_person_{key}", kwargs={"pk": young_person.pk}), "title": shown.title}
        for key, shown in PARTS.items()
        if shown.shows(context)
    }
    return render(request, "people/detail.html", context)


def where_context(young_person):
    """Where the young person is on the way: the pathway, the status, the next good step."""
    rows = list(pathway_selectors.steps_for_next(young_person))
    return {
        "pathway": pathway_selectors.pathway_of(young_person),
        "status": pathway_selectors.shown_status(young_person),
        "next_step": pathway_selectors.next_good_step(rows),
        "progress": pathway_selectors.progress(rows),
        "phases": Pathway.Phase.choices,
    }


def _where_part(request, young_person, context):
    return where_context(young_person)


def _status_part(request, young_person, context):
    return {
        "status": pathway_selectors.shown_status(young_person),
        "status_codes": pathway_selectors.codes("activity"),
    }


def _plan_part(request, young_person, context):
    by_track, _rows = pathway_selectors.steps_by_track(young_person)
    return {
        "pathway": pathway_selectors.pathway_of(young_person),
        "steps": by_track,
        "wishes": pathway_selectors.wishes(young_person),
    }


def _notes_part(request, young_person, context):
    notes, more = note_selectors.latest(young_person, NOTES_ON_PAGE)
    return {
        "notes": notes,
        "notes_more": more,
        "attachments": attachment_selectors.for_young_person(young_person),
        "may_delete_attachments": policy.may(request.actor, Kind.ATTACHMENT, Action.DELETE),
    }


def _activities_part(request, young_person, context):
    talents = None if context["is_mentor_view"] else activity_selectors.talents_of(young_person)
    return {"activities": activity_selectors.listed_for_young_person(young_person), "talents": talents}


def _team_part(request, young_person, context):
    return {
        "team": selectors.team_of(young_person) if "team" in context["categories"] else None,
        "consents": None if context["is_mentor_view"] else consent_selectors.history_for(young_person),
    }


def _shows_plan(context):
    return "plan" in context["categories"]


class Part(NamedTuple):
    title: str
    kind: str  # what the access log says the part showed
    shows: Callable  # (page context) -> whether the actor sees the part at all (a mentor sees what was consented)
    lists: Callable  # (request, young_person, page context) -> its lists


# The lists of the young person's page, each a part with an address of its own.
PARTS = {
    "where": Part(gettext_lazy("Where on the way"), Kind.PLAN_STEP, _shows_plan, _where_part),
    "status": Part(
        gettext_lazy("Status"),
        Kind.YOUNG_PERSON,
        lambda context: not context["is_mentor_view"] and context["may"][Action.CHANGE_STATUS],
        _status_part,
    ),
    "plan": Part(gettext_lazy("Plan"), Kind.PLAN_STEP, _shows_plan, _plan_part),
    "notes": Part(gettext_lazy("Conversations"), Kind.NOTE, lambda context: not context["is_mentor_view"], _notes_part),
    "activities": Part(
        gettext_lazy("Activities"),
        Kind.ACTIVITY,
        lambda context: "activities" in context["categories"],
        _activities_part,
    ),
    "team": Part(
        gettext_lazy("Team"),
        Kind.TEAM_MEMBER,
        lambda context: "team" in context["categories"] or not context["is_mentor_view"],
        _team_part,
    ),
}


@rule(YP, Action.VIEW)
def young_person_part(request, pk, key):
    """One part of the page. A part the actor may not see (a mentor's, without the young person's
    consent to it) answers empty, and nothing was looked up to log."""
    young_person, role, context = _page(request, pk)
    shown = PARTS[key]
    if shown.shows(context):
        audit.log_view(request.actor, shown.kind, young_person, young_person, role)
        context.update(shown.lists(request, young_person, context))
    else:
        policy.showed_nothing_of(request.actor, young_person)
    back = reverse("young_person_detail", kwargs={"pk": young_person.pk})
    return part(request, f"people/parts/{key}.html", context, title=shown.title, back=back)


NOTES_ON_PAGE = 20

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


@rule(YP, Action.UPDATE, methods=("GET", "POST"))
def young_person_edit(request, pk):
    young_person, role = _young_person(request, pk, Action.UPDATE)
    form = ReferralForm(bound(request), instance=young_person)
    if request.method == "POST" and form.is_valid():
        services.update_referral(request.actor, young_person, data=form.cleaned_data, role=role)
        messages.success(request, _("Saved."))
        return redirect("young_person_detail", pk=young_person.pk)
    title = _("Edit %(name)s") % {"name": young_person.full_name}
    return render(request, "people/form.html", {"form": form, "title": title, "young_person": young_person})


@rule(YP, Action.MANAGE_TEAM, methods=("GET", "POST"))
def team_add(request, pk):
    young_person, role = _young_person(request, pk, Action.MANAGE_TEAM)
    form = TeamMemberForm(bound(request), young_person=young_person)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_team_member(
                request.actor,
                young_person,
                user=form.cleaned_data["user"],
                is_primary=form.cleaned_data["is_primary"],
                role=role,
            )
        except services.TeamError as error:
            form.add_error("user", str(error))
        else:
            messages.success(request, _("The team is updated."))
            return redirect("young_person_detail", pk=young_person.pk)
    return render(request, "people/team_form.html", {"form": form, "young_person": young_person})


@rule(Kind.TEAM_MEMBER, Action.DELETE, methods=("POST",))
def team_remove(request, pk):
    member = policy.get_object(request.actor, Kind.TEAM_MEMBER, Action.DELETE, pk)
    role = policy.granting_role(request.actor, Kind.TEAM_MEMBER, Action.DELETE)
    young_person_pk = member.young_person_id
    services.remove_team_member(request.actor, member, role=role)
    messages.success(request, _("The team is updated."))
    if policy.queryset(request.actor, YP, Action.VIEW).filter(pk=young_person_pk).exists():
        return redirect("young_person_detail", pk=young_person_pk)
    return redirect("young_people_list")


@rule(YP, Action.UPDATE, methods=("GET", "POST"))
def account_create(request, pk):
    young_person, role = _young_person(request, pk, Action.UPDATE)
    if young_person.user_id:
        messages.info(request, _("%(name)s already has an account.") % {"name": young_person.first_name})
        return redirect("young_person_detail", pk=young_person.pk)
    form = AccountForm(bound(request), initial={"email": young_person.email})
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        services.invite_to_login(request.actor, young_person, email=email, base_url=request.build_absolute_uri("/"))
        messages.success(
            request,
            _("An invitation is sent to %(email)s. %(name)s makes their own login from the link in it.")
            % {"email": email, "name": young_person.first_name},
        )
        return redirect("young_person_detail", pk=young_person.pk)
    return render(request, "people/account_form.html", {"form": form, "young_person": young_person})


@rule(Kind.SHARED_PERSON, Action.LIST)
def shared_list(request):
    people = (
        policy.queryset(request.actor, Kind.SHARED_PERSON, Action.LIST)
        .select_related("organisation")
        .order_by("first_name", "last_name")
    )
    rows = [(yp, consent_selectors.categories_shared_with(yp, request.actor.organisation)) for yp in people]
    role = policy.granting_role(request.actor, Kind.SHARED_PERSON, Action.LIST)
    audit.log_search(request.actor, kind=Kind.SHARED_PERSON, criterion="shared-with-us", found=people, role=role)
    return render(request, "people/shared_list.html", {"rows": rows})


@rule(Kind.SHARED_PERSON, Action.VIEW)
def shared_detail(request, pk):
    young_person = policy.get_object(
        request.actor, Kind.SHARED_PERSON, Action.VIEW, pk, queryset_hook=lambda qs: qs.select_related("organisation")
    )
    role = policy.granting_role(request.actor, Kind.SHARED_PERSON, Action.VIEW)
    audit.log_view(request.actor, Kind.SHARED_PERSON, young_person, young_person, role)
    categories = consent_selectors.categories_shared_with(young_person, request.actor.organisation)
    team = selectors.team_across_organisations(young_person) if "team" in categories else None
    context = {"young_person": young_person, "categories": categories, "team": team}
    return render(request, "people/shared_detail.html", context)


@rule(YP, Action.ERASE, methods=("GET", "POST"))
def young_person_erase(request, pk):
    """Erase (NGOs) or archive (municipal units), after typing the young person's name to confirm."""
    young_person, role = _young_person(request, pk, Action.ERASE)
    archives = young_person.organisation.archives_instead_of_erasing
    form = EraseForm(bound(request), expected=young_person.full_name)
    if request.method == "POST" and form.is_valid():
        try:
            if archives:
                erasure.archive(request.actor, young_person, role)
                messages.success(request, _("%(name)s is archived.") % {"name": young_person.full_name})
                return redirect("young_person_detail", pk=young_person.pk)
            erasure.erase(request.actor, young_person, role)
        except Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Everything about the young person is erased."))
            return redirect("young_people_list")
    context = {"form": form, "young_person": young_person, "archives": archives}
    return render(request, "people/erase.html", context)
