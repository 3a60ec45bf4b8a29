import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import defaults

from brobygger.access import policy
from brobygger.access.policy import login_only, public
from brobygger.access.rules import Action, Kind
from brobygger.followup import selectors as followup_selectors
from brobygger.followup.models import HowItGoes
from brobygger.outcomes import selectors as outcome_selectors
from brobygger.people import selectors as people_selectors
from brobygger.staircase import selectors as staircase_selectors
from brobygger.tenancy.models import Role


@login_only
def home(request):
    actor = request.actor
    if actor.organisation is None:
        return render(request, "web/no_organisation.html")
    if actor.roles == {Role.YOUNG_PERSON}:
        return redirect("portal")
    if actor.roles == {Role.MENTOR}:
        return redirect("mentor_home")
    context = {}
    if policy.may(actor, Kind.YOUNG_PERSON, Action.LIST):
        caseload = policy.queryset(actor, Kind.YOUNG_PERSON, Action.LIST)
        context["caseload"] = people_selectors.with_entry_point(caseload)[:20]
        context["caseload_count"] = caseload.count()
        # Everyone whose caseload is their team may write notes on it (rules: WRITE_NOTE on TEAM or ORG).
        context["may_write_notes"] = policy.may(actor, Kind.YOUNG_PERSON, Action.WRITE_NOTE)
    if policy.may(actor, Kind.FOLLOWUP_CONTACT, Action.LIST):
        contacts, context["due_checks"] = followup_selectors.due_for(actor.user)
        context["due_contacts"], context["due_more"] = followup_selectors.first(contacts, followup_selectors.HOME_SHOWS)
        context["how_choices"] = HowItGoes.choices
        context["today"] = timezone.localdate()
    if actor.has_role(Role.COUNSELLOR):
        context["attentions"] = outcome_selectors.open_attentions_for(actor.user)
    if actor.has_role(Role.COUNSELLOR, Role.CONSULTANT):
        context["talents"] = staircase_selectors.talents_for_team_member(actor.user)
    if actor.has_role(Role.TEAM_LEAD):
        visible = policy.queryset(actor, Kind.YOUNG_PERSON, Action.LIST)
        context["to_distribute"] = people_selectors.without_counsellor(visible)[:20]
        context["caseloads"] = people_selectors.caseload_counts()
    if policy.may(actor, Kind.COMPANY, Action.LIST) and actor.has_role(Role.CONSULTANT, Role.MENTOR):
        context["companies"] = policy.queryset(actor, Kind.COMPANY, Action.LIST)[:20]
    return render(request, "web/home.html", context)


@public
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def server_error(request):
    """Django's 500 handler. A database that cannot be reached (stopped, restarting, failing over)
    gets a clear "try again" page with 503 and Retry-After, drawn without touching the database."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = render(request, "errors/unavailable.html", status=503)
        response["Retry-After"] = "10"
        return response
    return defaults.server_error(request)


def not_found(request, exception=None):
    return render(request, "404.html", {"message": _("We could not find that page.")}, status=404)
