from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.core.forms import bound

from . import services
from .forms import PurposeForm, SensitiveForm

YP = Kind.YOUNG_PERSON


@rule(YP, Action.VIEW_SENSITIVE, methods=("GET", "POST"))
def sensitive_open(request, pk):
    """Asks for the purpose first; only a POST with a purpose shows the information."""
    young_person = policy.fetch(request.actor, YP, Action.VIEW_SENSITIVE, pk).obj
    form = PurposeForm(bound(request))
    items = None
    if request.method == "POST" and form.is_valid():
        items = services.open_for(request.actor, young_person, purpose_text=form.cleaned_data["purpose"])
    context = {"form": form, "young_person": young_person, "items": items}
    return render(request, "sensitive/open.html", context)


@rule(YP, Action.RECORD_SENSITIVE, methods=("GET", "POST"))
def sensitive_create(request, pk):
    young_person = policy.fetch(request.actor, YP, Action.RECORD_SENSITIVE, pk).obj
    form = SensitiveForm(bound(request))
    if request.method == "POST" and form.is_valid():
        services.record(request.actor, young_person, data=form.cleaned_data)
        messages.success(request, _("Recorded. The young person can see it on their page."))
        return redirect("young_person_detail", pk=young_person.pk)
    return render(request, "sensitive/form.html", {"form": form, "young_person": young_person})
