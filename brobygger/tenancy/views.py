from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.actor import SESSION_KEY
from brobygger.access.policy import login_only, rule
from brobygger.access.rules import Action, Kind
from brobygger.web.forms import bound

from . import selectors, services
from .forms import MemberForm, SwitchOrganisationForm

MB = Kind.MEMBERSHIP


@rule(MB, Action.LIST)
def member_list(request):
    members = selectors.members(request.actor.organisation)
    return render(request, "tenancy/members.html", {"members": members, "form": MemberForm()})


@rule(MB, Action.CREATE, methods=("GET", "POST"))
def member_add(request):
    form = MemberForm(bound(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_member(organisation=request.actor.organisation, **data)
        messages.success(request, _("%(email)s is added.") % {"email": data["email"]})
        return redirect("member_list")
    return render(request, "tenancy/member_form.html", {"form": form})


@rule(MB, Action.DELETE, methods=("POST",))
def member_remove(request, pk):
    membership = policy.get_object(request.actor, MB, Action.DELETE, pk)
    if membership.user_id == request.user.pk and membership.role == "org_admin":
        messages.error(request, _("You cannot remove your own admin role."))
    else:
        services.remove_member(membership)
        messages.success(request, _("The role is removed."))
    return redirect("member_list")


@login_only(methods=("POST",))
def switch_organisation(request):
    form = SwitchOrganisationForm(request.POST)
    allowed = {str(org.pk) for org in request.actor.organisations}
    if form.is_valid() and str(form.cleaned_data["organisation"]) in allowed:
        request.session[SESSION_KEY] = str(form.cleaned_data["organisation"])
    else:
        messages.error(request, _("You are not a member of that organisation."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "home"
    return redirect(target)
