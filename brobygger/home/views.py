from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render

from brobygger.access.policy import login_only, public
from brobygger.core.parts import draw
from brobygger.core.roles import Role

from . import start


@public
def landing(request):
    """What Brobygger is, for whom, and the ways in; a logged-in person goes on to their start page."""
    if request.user.is_authenticated:
        return redirect("home")
    return render(request, "home/landing.html")


@login_only
def home(request):
    actor = request.actor
    if actor.organisation is None:
        return render(request, "home/no_organisation.html")
    if actor.roles == {Role.YOUNG_PERSON}:
        return redirect("portal")
    if actor.roles == {Role.MENTOR}:
        return redirect("mentor_home")
    return render(request, "home/home.html", draw(request, start.PARTS, {}))


@public
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
