from django.shortcuts import render

from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.people.models import YoungPerson

from .registry import sections


@rule(Kind.OWN_DATA, Action.VIEW)
def portal(request):
    young_person = YoungPerson.objects.filter(pk=request.actor.young_person_id).first()
    if young_person is None:
        return render(request, "portal/no_pathway.html")
    audit.log_view(request.actor, Kind.OWN_DATA, young_person, young_person, "young_person")
    blocks = [(section, list(section.rows(young_person))) for section in sections()]
    return render(request, "portal/portal.html", {"young_person": young_person, "blocks": blocks})
