from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.core.forms import bound, submit

from . import selectors, services
from .forms import AccountForm, CprLookupForm, ReferralForm, SearchForm, TeamMemberForm

YP = Kind.YOUNG_PERSON
YOUNG_PEOPLE_PER_PAGE = 12  # about a phone screen, then "Næste"; the search finds the rest


def _young_person(request, pk, action):
    return policy.fetch(request.actor, Kind.YOUNG_PERSON, action, pk).obj


@rule(YP, Action.LIST)
def young_people_list(request):
    form = SearchForm(request.GET or None)
    term = form.cleaned_data["q"] if form.is_valid() else ""
    queryset = selectors.with_entry_point(selectors.search(policy.visible(request.actor, YP, Action.LIST), term))
    queryset = queryset.filter(archived_at__isnull=True)
    page = Paginator(queryset, YOUNG_PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    if term:
        audit.log_search(request.actor, kind=YP, criterion=term, found=page.object_list)
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
    queryset = policy.visible(request.actor, YP, Action.VIEW)
    young_person = services.find_by_cpr(request.actor, queryset, form.cleaned_data["cpr"])
    if young_person is None:
        messages.info(request, _("No young person you have access to has that CPR number."))
        return redirect("young_people_list")
    return redirect("young_person_detail", pk=young_person.pk)


@rule(YP, Action.CREATE, methods=("GET", "POST"))
def young_person_create(request):
    form = ReferralForm(bound(request), with_cpr=request.actor.organisation.archives_instead_of_erasing)
    done = submit(
        request,
        form,
        lambda data: services.create_referral(request.actor, data=data),
        success=lambda young_person: _("The referral of %(name)s is registered.") % {"name": young_person.full_name},
        field="cpr" if "cpr" in form.fields else None,
    )
    if done:
        if policy.may(request.actor, YP, Action.VIEW):
            return redirect("young_person_detail", pk=done.value.pk)
        return redirect("young_people_list")
    return render(request, "people/form.html", {"form": form, "title": _("New referral")})


@rule(YP, Action.UPDATE, methods=("GET", "POST"))
def young_person_edit(request, pk):
    young_person = _young_person(request, pk, Action.UPDATE)
    form = ReferralForm(bound(request), instance=young_person)
    if request.method == "POST" and form.is_valid():
        services.update_referral(request.actor, young_person, data=form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("young_person_detail", pk=young_person.pk)
    title = _("Edit %(name)s") % {"name": young_person.full_name}
    return render(request, "people/form.html", {"form": form, "title": title, "young_person": young_person})


@rule(YP, Action.MANAGE_TEAM, methods=("GET", "POST"))
def team_add(request, pk):
    young_person = _young_person(request, pk, Action.MANAGE_TEAM)
    form = TeamMemberForm(bound(request), young_person=young_person)
    done = submit(
        request,
        form,
        lambda data: services.add_team_member(
            request.actor, young_person, user=data["user"], is_primary=data["is_primary"]
        ),
        success=_("The team is updated."),
        field="user",
    )
    if done:
        return redirect("young_person_detail", pk=young_person.pk)
    return render(request, "people/team_form.html", {"form": form, "young_person": young_person})


@rule(Kind.TEAM_MEMBER, Action.DELETE, methods=("POST",))
def team_remove(request, pk):
    member = policy.fetch(request.actor, Kind.TEAM_MEMBER, Action.DELETE, pk).obj
    young_person_pk = member.young_person_id
    services.remove_team_member(request.actor, member)
    messages.success(request, _("The team is updated."))
    if policy.visible(request.actor, YP, Action.VIEW).filter(pk=young_person_pk).exists():
        return redirect("young_person_detail", pk=young_person_pk)
    return redirect("young_people_list")


@rule(YP, Action.UPDATE, methods=("GET", "POST"))
def account_create(request, pk):
    young_person = _young_person(request, pk, Action.UPDATE)
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
