from typing import Any

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect


def back_to(request: HttpRequest, young_person: Any) -> HttpResponseRedirect:
    """After an action on a young person: their own page for them, the case page for staff."""
    if request.actor.young_person_id == young_person.pk:  # type: ignore[attr-defined]  # the tenancy middleware's
        return redirect("portal")
    return redirect("young_person_detail", pk=young_person.pk)
