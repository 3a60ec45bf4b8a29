from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.people import selectors as people_selectors
from brobygger.web.forms import bound, submit

from . import instruments, selectors, services
from .forms import MeasureForm
from .models import Response


def _instrument(key, respondent):
    instrument = instruments.INSTRUMENTS.get(key)
    if instrument is None or (respondent == "young_person" and instrument.respondent != "young_person"):
        raise Http404
    return instrument


@rule(Kind.OWN_DATA, Action.ANSWER_MEASURE)
def own_measures(request):
    young_person = people_selectors.own_young_person(request.actor)
    if young_person is None:
        return redirect("portal")
    language = translation.get_language()
    offered = [
        (i.id, i.title.get(language) or i.title["da"], i.minutes)
        for i in instruments.INSTRUMENTS.values()
        if i.respondent == "young_person"
    ]
    context = {"offered": offered, "responses": selectors.responses_of(young_person)[:20]}
    return render(request, "outcomes/own_measures.html", context)


@rule(Kind.OWN_DATA, Action.ANSWER_MEASURE, methods=("GET", "POST"))
def own_measure_answer(request, instrument):
    young_person = people_selectors.own_young_person(request.actor)
    if young_person is None:
        return redirect("portal")
    definition = _instrument(instrument, "young_person")
    language = translation.get_language()
    form = MeasureForm(bound(request), instrument=definition, language=language)

    def act(data):
        services.record(
            request.actor,
            young_person,
            instrument_id=definition.id,
            answers=form.answers(),
            language=language,
            mode=Response.Mode.SELF,
            role="young_person",
        )

    if submit(request, form, act, success=_("Thank you for your answers.")):
        return redirect("portal")
    return render(request, "outcomes/answer.html", {"form": form, "instrument": definition, "language": language})


@rule(Kind.YOUNG_PERSON, Action.RECORD_MEASURE, methods=("GET", "POST"))
def measure_answer(request, pk, instrument):
    """A professional reads a measure aloud with the young person, or gives their own view."""
    young_person, role = policy.object_and_role(request.actor, Kind.YOUNG_PERSON, Action.RECORD_MEASURE, pk)
    definition = _instrument(instrument, "staff")
    language = translation.get_language()
    form = MeasureForm(bound(request), instrument=definition, language=language, staff=True)

    def act(data):
        mode = data.get("mode") or Response.Mode.SELF
        services.record(
            request.actor,
            young_person,
            instrument_id=definition.id,
            answers=form.answers(),
            language=language,
            mode=mode,
            role=role,
        )

    if submit(request, form, act, success=_("The answers are saved. The young person can see them.")):
        return redirect("young_person_detail", pk=young_person.pk)
    context = {"form": form, "instrument": definition, "language": language, "young_person": young_person}
    return render(request, "outcomes/answer.html", context)


@rule(Kind.ATTENTION, Action.RECORD, methods=("POST",))
def attention_done(request, pk):
    attention, role = policy.object_and_role(request.actor, Kind.ATTENTION, Action.RECORD, pk)
    services.attended(request.actor, attention, role=role)
    messages.success(request, _("Marked as done."))
    return redirect("home")
