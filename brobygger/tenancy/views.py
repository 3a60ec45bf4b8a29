from allauth.account.internal.flows.login import record_authentication
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import redirect_to_login
from django.forms import Form
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.actor import SESSION_KEY
from brobygger.access.policy import login_only, public, rule
from brobygger.access.rules import Action, Kind
from brobygger.core.errors import Refused
from brobygger.core.forms import bound
from brobygger.security import mfa

from . import selectors, services
from .forms import MemberForm, NewLoginForm, SwitchOrganisationForm
from .models import Invitation

MB = Kind.MEMBERSHIP


@rule(MB, Action.LIST)
def member_list(request):
    organisation = request.actor.organisation
    context = {
        "members": selectors.members(organisation),
        "invitations": selectors.pending_invitations(organisation),
    }
    return render(request, "tenancy/members.html", context)


@rule(MB, Action.CREATE, methods=("GET", "POST"))
def member_add(request):
    form = MemberForm(bound(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.invite(request.actor, base_url=request.build_absolute_uri("/"), **data)
        messages.success(
            request,
            _("An invitation is sent to %(email)s. The role is theirs when they open the link (valid %(days)s days).")
            % {"email": data["email"], "days": services.INVITATION_DAYS},
        )
        return redirect("member_list")
    return render(request, "tenancy/member_form.html", {"form": form})


@rule(MB, Action.CREATE, methods=("POST",))
def invitation_cancel(request, invitation):
    found = Invitation.objects.filter(pk=invitation).first()  # the organisation's own, by its scope
    if found is None:
        messages.info(request, _("That invitation is no longer open."))
    else:
        services.cancel(found)
        messages.success(request, _("The invitation to %(email)s is cancelled.") % {"email": found.email})
    return redirect("member_list")


@public(methods=("GET", "POST"))
def invitation_accept(request, token):
    """The link in an invitation: a new login for the address, or the role added to the login
    of whoever has proved the address (after they log in)."""
    invitation = selectors.invitation_by_token(token)
    if invitation is None or not services.usable(invitation):
        return render(request, "tenancy/invitation_gone.html", status=404)
    user = request.user if request.user.is_authenticated else None
    form = NewLoginForm(bound(request), invitation=invitation) if user is None else Form(bound(request))
    context = {"invitation": invitation, "form": form, "needs_login": False}
    if request.method == "POST" and form.is_valid():
        password = None if user is not None else form.cleaned_data["password1"]
        try:
            holder = services.accept(invitation, user=user, password=password)
        except services.NeedsLogin:
            return redirect_to_login(request.get_full_path())
        except Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            if user is None:
                login(request, holder, backend="allauth.account.auth_backends.AuthenticationBackend")
                # The password was just typed: allauth counts it as a fresh authentication of this session.
                record_authentication(request, holder, method="password", email=holder.email, reauthenticated=True)
            # This session opened the mailbox's link: it may set up the second step (security.md R3).
            mfa.allow_enrolment(request)
            messages.success(
                request,
                _("Welcome. You are now %(role)s at %(organisation)s.")
                % {"role": invitation.get_role_display(), "organisation": invitation.organisation.name},
            )
            return redirect("home")
    elif user is None:
        context["needs_login"] = services.needs_login(invitation)
    return render(request, "tenancy/invitation.html", context)


@rule(MB, Action.DELETE, methods=("POST",))
def member_remove(request, pk):
    membership = policy.fetch(request.actor, MB, Action.DELETE, pk).obj
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
