import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import defaults

from brobygger.access.policy import login_only, public
from brobygger.tenancy.models import Role

from . import start
from .parts import part


@login_only
def home(request):
    actor = request.actor
    if actor.organisation is None:
        return render(request, "web/no_organisation.html")
    if actor.roles == {Role.YOUNG_PERSON}:
        return redirect("portal")
    if actor.roles == {Role.MENTOR}:
        return redirect("mentor_home")
    return render(request, "web/home.html", {"parts": start.parts_for(actor)})


@login_only
def home_part(request, key):
    """One list of the start page; empty where it is not for the actor's roles."""
    if request.actor.organisation is None:
        raise Http404
    context = start.lists(request.actor, key) or {}
    return part(request, f"web/home/{key}.html", context, title=start.PARTS[key].heading, back=reverse("home"))


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
    api_client = request.path.startswith("/api/")
    if isinstance(error, OperationalError | InterfaceError):
        if api_client:
            detail = _("The service cannot reach its database just now. Try again in a moment.")
            response = JsonResponse({"detail": detail, "errors": []}, status=503)
        else:
            response = render(request, "errors/unavailable.html", status=503)
        response["Retry-After"] = "10"
        return response
    if api_client:
        detail = _("Something went wrong on our side. It has been logged; try again later.")
        return JsonResponse({"detail": detail, "errors": []}, status=500)
    return defaults.server_error(request)


def not_found(request, exception=None):
    return render(request, "404.html", {"message": _("We could not find that page.")}, status=404)
