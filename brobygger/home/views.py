from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from brobygger.access.policy import login_only, public
from brobygger.core.parts import part
from brobygger.core.roles import Role

from . import start


@login_only
def home(request):
    actor = request.actor
    if actor.organisation is None:
        return render(request, "home/no_organisation.html")
    if actor.roles == {Role.YOUNG_PERSON}:
        return redirect("portal")
    if actor.roles == {Role.MENTOR}:
        return redirect("mentor_home")
    return render(request, "home/home.html", {"parts": start.parts_for(actor)})


@login_only
def home_part(request, key):
    """One list of the start page; empty where it is not for the actor's roles."""
    if request.actor.organisation is None:
        raise Http404
    context = start.lists(request.actor, key) or {}
    return part(request, f"home/home/{key}.html", context, title=start.PARTS[key].heading, back=reverse("home"))


@public
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
