from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.core.forms import bound
from brobygger.people import selectors as people_selectors

from . import services
from .forms import ConsentForm, OwnConsentForm


def _give(request, young_person, form_class, done):
    form = form_class(bound(request), organisation=request.actor.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.give(
            request.actor,
            young_person,
            categories=data["categories"],
            company=data["company"],
            recipient_organisation=data["recipient_organisation"],
        )
        messages.success(request, _("The consent is recorded."))
        return done
    return render(request, "consent/form.html", {"form": form, "young_person": young_person})


@rule(Kind.YOUNG_PERSON, Action.GIVE_CONSENT, methods=("GET", "POST"))
def consent_create(request, pk):
    young_person = policy.fetch(request.actor, Kind.YOUNG_PERSON, Action.GIVE_CONSENT, pk).obj
    return _give(request, young_person, ConsentForm, redirect("young_person_detail", pk=young_person.pk))


@rule(Kind.OWN_DATA, Action.GIVE_CONSENT, methods=("GET", "POST"))
def own_consent_create(request):
    young_person = people_selectors.own_young_person(request.actor)
    if young_person is None:
        return redirect("home")
    return _give(request, young_person, OwnConsentForm, redirect("portal"))


@rule(Kind.CONSENT, Action.WITHDRAW, methods=("POST",))
def consent_withdraw(request, pk):
    consent = policy.fetch(request.actor, Kind.CONSENT, Action.WITHDRAW, pk).obj
    services.withdraw(request.actor, consent)
    messages.success(request, _("The consent is withdrawn. It took effect at once."))
    if request.actor.young_person_id == consent.young_person_id:
        return redirect("portal")
    return redirect("young_person_detail", pk=consent.young_person_id)
