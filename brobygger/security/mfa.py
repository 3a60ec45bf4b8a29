"""Two-step login (allauth.mfa) as Brobygger needs it.

Everyone except young people must have passed a second factor before any
case data is shown (security.md R3). Young people are offered it and may
always remove it again, so they are never locked out of their own data.
"""

from collections.abc import Iterable
from typing import Any

from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse
from django_scopes import scopes_disabled

from brobygger.core.roles import Role

from . import crypto

SECRET_CONTEXT = "mfa.authenticator.secret"
SESSION_FLAG = "brobygger_mfa_passed"
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def requires_mfa(user: Any, memberships: Iterable[Any] | None = None) -> bool:
    """Everyone but young people logs in in two steps. `memberships`: all of the user's, in every
    organisation, when the caller has read them already (the request's actor has)."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    if memberships is not None:
        return any(membership.role != Role.YOUNG_PERSON for membership in memberships)
    with scopes_disabled():
        return user.memberships.exclude(role=Role.YOUNG_PERSON).exists()


def passed_mfa(request: HttpRequest) -> bool:
    if request.session.get(SESSION_FLAG):
        return True
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def mark_passed(request: HttpRequest) -> None:
    request.session[SESSION_FLAG] = True


class MFAAdapter(DefaultMFAAdapter):
    def encrypt(self, text):
        return crypto.encrypt(text, SECRET_CONTEXT)

    def decrypt(self, encrypted_text):
        return crypto.decrypt(encrypted_text, SECRET_CONTEXT)

    def can_delete_authenticator(self, authenticator):
        if authenticator.type not in SECOND_FACTORS or not requires_mfa(authenticator.user):
            return True
        others = Authenticator.objects.filter(user=authenticator.user, type__in=SECOND_FACTORS).exclude(
            pk=authenticator.pk
        )
        return others.exists()


def refuse_without_second_factor(request: HttpRequest) -> HttpResponse:
    """Send a password-only session to set up two-step login, or, when the user has it, to log in with it."""
    from django.contrib import messages
    from django.contrib.auth import logout
    from django.contrib.auth.views import redirect_to_login
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    if Authenticator.objects.filter(user=request.user, type__in=SECOND_FACTORS).exists():
        next_path = request.get_full_path()
        logout(request)
        return redirect_to_login(next_path)
    messages.info(request, _("Set up two-step login before you see anything about the young people."))
    return redirect("mfa_index")


ENROLMENT_FLAG = "brobygger_may_enrol"
ENROLMENT_PAGES = frozenset({"mfa_activate_totp", "mfa_add_webauthn"})


def allow_enrolment(request):
    """This session opened an invitation link (proof of the mailbox), so it may set up the first
    second step: knowing the password alone is not enough (security.md R3)."""
    request.session[ENROLMENT_FLAG] = True


def may_enrol(request):
    from django.conf import settings

    if request.session.get(ENROLMENT_FLAG) or not requires_mfa(request.user):
        return True
    if Authenticator.objects.filter(user=request.user, type__in=SECOND_FACTORS).exists():
        return True  # adding another: allauth asks for the second step it has first
    return settings.BROBYGGER_ENROL_WITHOUT_INVITATION
