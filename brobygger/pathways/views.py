from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.catalogue import selectors as catalogue_selectors
from brobygger.core.forms import bound, perform, submit
from brobygger.core.navigation import back_to

from . import selectors, services
from .forms import AcceptForm, EndPathwayForm, QuickStatusForm, StatusForm, StepForm, TracksForm

YP = Kind.YOUNG_PERSON


def _yp(request, pk, action):
    return policy.fetch(request.actor, YP, action, pk).obj


def tracks_form_view(request, young_person, template_context=None):
    pathway = selectors.pathway_of(young_person)
    form = TracksForm(bound(request), initial={**_tracks_initial(pathway)})
    if request.method == "POST" and form.is_valid():
        try:
            services.update_tracks(request.actor, young_person, **form.cleaned_data)
        except services.Conflict as conflict:
            form.add_error(None, str(conflict))
            form.data = form.data.copy()
            form.data["version"] = selectors.pathway_of(young_person).version
        else:
            messages.success(request, _("Saved."))
            return back_to(request, young_person)
    context = {"form": form, "young_person": young_person, "pathway": pathway, **(template_context or {})}
    return render(request, "pathways/tracks_form.html", context)


def _tracks_initial(pathway):
    return {"dream": pathway.dream, "livelihood": pathway.livelihood, "version": pathway.version}


@rule(YP, Action.UPDATE_PLAN, methods=("GET", "POST"))
def tracks_edit(request, pk):
    young_person = _yp(request, pk, Action.UPDATE_PLAN)
    return tracks_form_view(request, young_person)


@rule(YP, Action.ACCEPT_PATHWAY, methods=("GET", "POST"))
def accept(request, pk):
    young_person = _yp(request, pk, Action.ACCEPT_PATHWAY)
    form = AcceptForm(bound(request), initiatives=catalogue_selectors.initiatives_of([young_person.organisation]))
    done = submit(
        request,
        form,
        lambda data: services.accept(request.actor, young_person, **data),
        success=_("The pathway has started."),
    )
    if done:
        return back_to(request, young_person)
    return render(request, "pathways/accept_form.html", {"form": form, "young_person": young_person})


@rule(YP, Action.CHANGE_STATUS, methods=("POST",))
def status_quick(request, pk):
    """The second tap: one status button, today, income unchanged."""
    young_person = _yp(request, pk, Action.CHANGE_STATUS)
    form = QuickStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return back_to(request, young_person)
    perform(
        request,
        lambda: services.change_status(request.actor, young_person, activity=form.cleaned_data["activity"]),
        success=lambda entry: _("Status: %(status)s") % {"status": entry.activity.label},
    )
    return back_to(request, young_person)


@rule(YP, Action.CHANGE_STATUS, methods=("GET", "POST"))
def status_change(request, pk):
    young_person = _yp(request, pk, Action.CHANGE_STATUS)
    form = StatusForm(bound(request))
    done = submit(
        request,
        form,
        lambda data: services.change_status(request.actor, young_person, **data),
        success=_("The status is added to the history."),
    )
    if done:
        return back_to(request, young_person)
    history = selectors.status_history(young_person)
    return render(
        request, "pathways/status_form.html", {"form": form, "young_person": young_person, "history": history}
    )


def step_form_view(request, young_person, *, staff):
    form = StepForm(bound(request), staff=staff)
    if request.method == "POST" and form.is_valid():
        services.add_step(request.actor, young_person, data=form.step_data())
        messages.success(request, _("The step is added to the plan."))
        return back_to(request, young_person)
    return render(request, "pathways/step_form.html", {"form": form, "young_person": young_person})


@rule(YP, Action.UPDATE_PLAN, methods=("GET", "POST"))
def step_create(request, pk):
    young_person = _yp(request, pk, Action.UPDATE_PLAN)
    return step_form_view(request, young_person, staff=True)


@rule(Kind.PLAN_STEP, Action.UPDATE, methods=("GET", "POST"))
def step_edit(request, pk):
    step = policy.fetch(request.actor, Kind.PLAN_STEP, Action.UPDATE, pk).obj
    staff = request.actor.young_person_id != step.young_person_id
    form = StepForm(bound(request), instance=step, staff=staff)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_step(request.actor, step, data=form.step_data(), version=form.cleaned_data["version"] or 0)
        except services.Conflict as conflict:
            form.add_error(None, str(conflict))
        else:
            messages.success(request, _("Saved."))
            return back_to(request, step.young_person)
    return render(request, "pathways/step_form.html", {"form": form, "young_person": step.young_person, "step": step})


@rule(Kind.PLAN_STEP, Action.UPDATE, methods=("POST",))
def step_toggle(request, pk):
    step = policy.fetch(request.actor, Kind.PLAN_STEP, Action.UPDATE, pk).obj
    services.set_done(request.actor, step, done=not step.is_done)
    return back_to(request, step.young_person)


@rule(YP, Action.END_PATHWAY, methods=("GET", "POST"))
def pathway_end(request, pk):
    young_person = _yp(request, pk, Action.END_PATHWAY)
    form = EndPathwayForm(bound(request))
    done = submit(
        request,
        form,
        lambda data: services.end_pathway(request.actor, young_person, **data),
        success=_("The pathway has ended. Follow-up and status checks go on."),
    )
    if done:
        return back_to(request, young_person)
    return render(request, "pathways/end_form.html", {"form": form, "young_person": young_person})


@rule(YP, Action.UPDATE_PLAN, methods=("POST",))
def phase_change(request, pk):
    young_person = _yp(request, pk, Action.UPDATE_PLAN)
    perform(
        request,
        lambda: services.set_phase(request.actor, young_person, phase=request.POST.get("phase", "")),
        success=lambda pathway: _("Phase: %(phase)s") % {"phase": pathway.get_phase_display()},
    )
    return back_to(request, young_person)
