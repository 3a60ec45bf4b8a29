from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, FieldCategory, Kind
from brobygger.attachments import selectors as attachment_selectors
from brobygger.audit import services as audit
from brobygger.audit.models import Action as LogAction
from brobygger.consent import selectors as consent_selectors
from brobygger.conversations import selectors as note_selectors
from brobygger.errors import Refused
from brobygger.pathways import selectors as pathway_selectors
from brobygger.pathways.models import Pathway
from brobygger.staircase import selectors as activity_selectors
from brobygger.tenancy.models import Role
from brobygger.web.forms import bound

from . import erasure, selectors, services
from .forms import AccountForm, CprLookupForm, EraseForm, ReferralForm, SearchForm, TeamMemberForm

YP = Kind.YOUNG_PERSON


def _young_person(request, pk, action):
    return policy.object_and_role(request.actor, YP, action, pk)


@rule(YP, Action.LIST)
def young_people_list(request):
    form = SearchForm(request.GET or None)
    term = form.cleaned_data["q"] if form.is_valid() else ""
    queryset = selectors.with_entry_point(selectors.search(policy.queryset(request.actor, YP, Action.LIST), term))
    queryset = queryset.filter(archived_at__isnull=True)
    if term:
        audit.log(
            request.actor,
            LogAction.SEARCH,
            kind=YP,
            criterion=term,
            role=policy.granting_role(request.actor, YP, Action.LIST),
        )
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
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


@rule(YP, Action.VIEW)
def young_person_detail(request, pk):
    """The young person's page for professionals: the next good step at the
    top, status, both tracks side by side, notes, activities, team, consents.
    A mentor sees only the categories the young person consented to share."""
    young_person, role = _young_person(request, pk, Action.VIEW)
    audit.log_view(request.actor, YP, young_person, young_person, role)
    categories = policy.visible_categories(request.actor, young_person)
    is_mentor_view = categories != set(FieldCategory.values) or role == Role.MENTOR
    may = {action: _may_on(request, young_person, action) for action in PAGE_ACTIONS}
    context = {
        "young_person": young_person,
        "categories": categories,
        "may": may,
        "team": selectors.team_of(young_person) if "team" in categories else None,
        "consents": None if is_mentor_view else consent_selectors.history_for(young_person),
    }
    if "plan" in categories:
        context.update(plan_context(young_person))
    if not is_mentor_view:
        context["notes"], context["notes_more"] = note_selectors.latest(young_person, NOTES_ON_PAGE)
        context["status_codes"] = pathway_selectors.codes("activity")
        context["talents"] = activity_selectors.talents_of(young_person)
        context["attachments"] = attachment_selectors.for_young_person(young_person)
        context["may_delete_attachments"] = policy.may(request.actor, Kind.ATTACHMENT, Action.DELETE)
    if "activities" in categories:
        context["activities"] = activity_selectors.for_young_person(young_person)
    return render(request, "people/detail.html", context)


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


def plan_context(young_person):
    by_track, rows = pathway_selectors.steps_by_track(young_person)
    return {
        "pathway": pathway_selectors.pathway_of(young_person),
        "status": pathway_selectors.current_status(young_person),
        "steps": by_track,
        "next_step": pathway_selectors.next_good_step(rows),
        "progress": pathway_selectors.progress(rows),
        "wishes": pathway_selectors.wishes(young_person),
        "phases": Pathway.Phase.choices,
    }


def _may_on(request, young_person, action):
    return policy.allowed_on(request.actor, action, young_person)


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
        try:
            services.create_account(request.actor, young_person, email=form.cleaned_data["email"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(name)s can now log in. Ask them to choose a password with 'Forgot password'.")
                % {"name": young_person.first_name},
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
    audit.log(
        request.actor,
        LogAction.SEARCH,
        kind=Kind.SHARED_PERSON,
        criterion="shared-with-us",
        role=policy.granting_role(request.actor, Kind.SHARED_PERSON, Action.LIST),
    )
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
