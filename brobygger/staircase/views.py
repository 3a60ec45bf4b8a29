from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind

from . import services
from .forms import ProposeForm


@rule(Kind.YOUNG_PERSON, Action.PROPOSE_ACTIVITY, methods=("GET", "POST"))
def propose(request, pk):
    young_person, role = policy.object_and_role(request.actor, Kind.YOUNG_PERSON, Action.PROPOSE_ACTIVITY, pk)
    form = ProposeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.propose(request.actor, young_person, data=form.cleaned_data, role=role)
        messages.success(
            request, _("Proposed. %(name)s answers yes or no on their page.") % {"name": young_person.first_name}
        )
        return redirect("young_person_detail", pk=young_person.pk)
    return render(request, "staircase/propose_form.html", {"form": form, "young_person": young_person})


@rule(Kind.ACTIVITY, Action.ANSWER, methods=("POST",))
def answer(request, pk):
    activity = policy.get_object(request.actor, Kind.ACTIVITY, Action.ANSWER, pk)
    yes = request.POST.get("answer") == "yes"
    if request.POST.get("answer") not in ("yes", "no"):
        messages.error(request, _("Answer yes or no."))
        return redirect("portal")
    try:
        services.answer(request.actor, activity, yes=yes)
    except services.ActivityError as error:
        messages.info(request, str(error))
    else:
        messages.success(
            request, _("Thank you. Your answer is sent.") if yes else _("Your no is sent. No reason needed.")
        )
    return redirect("portal")
