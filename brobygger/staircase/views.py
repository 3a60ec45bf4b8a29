from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.access import policy
from brobygger.access.policy import rule
from brobygger.access.rules import Action, Kind
from brobygger.audit import services as audit
from brobygger.certificates import selectors as certificate_selectors
from brobygger.consent import selectors as consent_selectors
from brobygger.core.dates import shown_date
from brobygger.core.forms import bound, perform, submit
from brobygger.core.navigation import back_to
from brobygger.core.parts import Part, draw
from brobygger.core.roles import Role

from . import selectors, services
from .forms import AttendanceForm, EndForm, LearningPlanForm, MessageForm, ProposeForm, TalentForm

ACT = Kind.ACTIVITY


def _activity(request, pk, action):
    return policy.fetch(
        request.actor, ACT, action, pk, refine=lambda qs: qs.select_related("young_person", "company")
    ).obj


def _back_to_activity(request, activity):
    return redirect("activity_detail", pk=activity.pk)


def _after_tap(request, activity):
    # The mentor taps from their list and stays on it.
    return redirect("mentor_home") if request.POST.get("next") == "mentor" else _back_to_activity(request, activity)


@rule(Kind.YOUNG_PERSON, Action.PROPOSE_ACTIVITY, methods=("GET", "POST"))
def propose(request, pk):
    young_person = policy.fetch(request.actor, Kind.YOUNG_PERSON, Action.PROPOSE_ACTIVITY, pk).obj
    initial = {"offer": request.GET["offer"]} if request.GET.get("offer", "").isdigit() else {}
    form = ProposeForm(bound(request), initial=initial)
    done = submit(
        request,
        form,
        lambda data: services.propose(request.actor, young_person, data=data),
        success=_("Proposed. %(name)s answers yes or no on their page.") % {"name": young_person.first_name},
    )
    if done:
        warning = services.young_worker_warning(young_person, done.value.kind, done.value.starts_on)
        if warning:
            messages.warning(request, warning)
        return redirect("young_person_detail", pk=young_person.pk)
    warning = services.young_worker_warning(young_person, "internship", timezone.localdate())
    context = {"form": form, "young_person": young_person, "young_worker_rule": warning}
    return render(request, "staircase/propose_form.html", context)


@rule(ACT, Action.ANSWER, methods=("POST",))
def answer(request, pk):
    activity = policy.fetch(request.actor, ACT, Action.ANSWER, pk).obj
    if request.POST.get("answer") not in ("yes", "no"):
        messages.error(request, _("Answer yes or no."))
        return redirect("portal")
    yes = request.POST["answer"] == "yes"
    try:
        services.answer(request.actor, activity, yes=yes)
    except services.ActivityError as error:
        messages.info(request, str(error))
    else:
        messages.success(
            request, _("Thank you. Your answer is sent.") if yes else _("Your no is sent. No reason needed.")
        )
    return redirect("portal")


@rule(ACT, Action.VIEW)
def activity_detail(request, pk):
    activity = _activity(request, pk, Action.VIEW)
    audit.log_view(request.actor, ACT, activity, activity.young_person)
    may = {
        action: policy.may_on(request.actor, ACT, action, activity)
        for action in (
            Action.ANSWER,
            Action.END,
            Action.ATTEND,
            Action.WRITE_LEARNING_PLAN,
            Action.ACCEPT_LEARNING_PLAN,
            Action.MESSAGE,
            Action.STEP_BACK_IN,
            Action.WRITE_CERTIFICATE,
        )
    }
    context = {
        "activity": activity,
        "plan": selectors.learning_plan_of(activity),
        "attendance": selectors.attendance_of(activity)[:60],
        "hours_total": selectors.hours_total(activity),
        "messages_from_mentor": selectors.messages_of(activity),
        "may": may,
        "end_form": EndForm(),
        "message_form": MessageForm(),
        "young_worker_rule": services.young_worker_warning(activity.young_person, activity.kind, activity.starts_on),
        "is_mentor": request.actor.acting_role == Role.MENTOR,
        "own": request.actor.young_person_id == activity.young_person_id,
        "certificate": certificate_selectors.live_certificate(activity) if activity.is_placement else None,
    }
    return render(request, "staircase/activity.html", context)


@rule(ACT, Action.WRITE_LEARNING_PLAN, methods=("GET", "POST"))
def learning_plan_edit(request, pk):
    activity = _activity(request, pk, Action.WRITE_LEARNING_PLAN)
    form = LearningPlanForm(bound(request), instance=selectors.learning_plan_of(activity))
    done = submit(
        request,
        form,
        lambda data: services.write_learning_plan(request.actor, activity, data=data),
        success=_("The learning plan is saved. The young person reads and accepts it."),
    )
    if done:
        return _back_to_activity(request, activity)
    context = {"form": form, "activity": activity}
    return render(request, "staircase/learning_plan_form.html", context)


@rule(ACT, Action.ACCEPT_LEARNING_PLAN, methods=("POST",))
def learning_plan_accept(request, pk):
    activity = _activity(request, pk, Action.ACCEPT_LEARNING_PLAN)
    perform(
        request,
        lambda: services.accept_learning_plan(request.actor, activity),
        success=_("You have accepted the learning plan."),
    )
    return _back_to_activity(request, activity)


@rule(ACT, Action.ATTEND, methods=("GET", "POST"))
def attend(request, pk):
    """POST without fields is the one tap: today, present, the plan's hours.
    The form corrects another day or the hours."""
    activity = _activity(request, pk, Action.ATTEND)
    form = AttendanceForm(
        bound(request),
        initial={"day": timezone.localdate(), "present": True, "hours": 4},
    )
    one_tap = request.method == "POST" and "day" not in request.POST
    if one_tap or (request.method == "POST" and form.is_valid()):
        data = {} if one_tap else form.cleaned_data
        try:
            entry = services.register_attendance(request.actor, activity, **data)
        except services.ActivityError as error:
            if one_tap:
                messages.error(request, str(error))
                return _after_tap(request, activity)
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Attendance registered: %(day)s, %(hours)s hours.")
                % {"day": shown_date(entry.day), "hours": services.hours_text(entry.hours)},
            )
            if entry.replaced is not None:
                messages.warning(request, _replaced_text(entry.replaced))
            return _after_tap(request, activity)
    return render(request, "staircase/attendance_form.html", {"form": form, "activity": activity})


def _replaced_text(earlier):
    what = _("present, %(hours)s hours") % {"hours": services.hours_text(earlier.hours)}
    if not earlier.present:
        what = _("absent")
    who = earlier.registered_by.display_name if earlier.registered_by else _("someone else")
    return _("%(who)s had already registered the day (%(what)s). Yours replaces it.") % {"who": who, "what": what}


@rule(ACT, Action.END, methods=("GET", "POST"))
def end(request, pk):
    activity = _activity(request, pk, Action.END)
    form = EndForm(bound(request))
    done = submit(
        request,
        form,
        lambda data: services.end(request.actor, activity, **data),
        success=_("Ended, with what was learned. The door stays ajar."),
    )
    if done:
        return back_to(request, activity.young_person)
    return render(request, "staircase/end_form.html", {"form": form, "activity": activity})


@rule(ACT, Action.STEP_BACK_IN, methods=("POST",))
def step_back_in(request, pk):
    activity = _activity(request, pk, Action.STEP_BACK_IN)
    done = perform(
        request,
        lambda: services.step_back_in(request.actor, activity),
        success=_("Welcome back. The activity is open again."),
    )
    return _back_to_activity(request, done.value if done else activity)


@rule(ACT, Action.MESSAGE, methods=("POST",))
def message(request, pk):
    activity = _activity(request, pk, Action.MESSAGE)
    form = MessageForm(request.POST)
    if form.is_valid():
        services.send_message(request.actor, activity, text=form.cleaned_data["text"])
        messages.success(request, _("The message is sent to the counsellor."))
    else:
        messages.error(request, _("Write a message."))
    return _back_to_activity(request, activity)


@rule(Kind.YOUNG_PERSON, Action.RECORD_TALENT, methods=("GET", "POST"))
def talent_create(request, pk):
    young_person = policy.fetch(request.actor, Kind.YOUNG_PERSON, Action.RECORD_TALENT, pk).obj
    form = TalentForm(bound(request))
    if request.method == "POST" and form.is_valid():
        services.record_talent(request.actor, young_person, data=form.cleaned_data)
        messages.success(request, _("Thank you. The counsellor and the consultant see it on their home screens."))
        return redirect("young_person_detail", pk=young_person.pk)
    return render(request, "staircase/talent_form.html", {"form": form, "young_person": young_person})


@rule(ACT, Action.LIST)
def mentor_home(request):
    """The mentor's portal: their young people (by consent) with today's one tap, the learning
    certificates of placements that ended lately, and the open rounds of mutual choice."""
    context = {"today": timezone.localdate(), "visible": policy.visible(request.actor, ACT, Action.LIST)}
    return render(request, "staircase/mentor_home.html", draw(request, MENTOR_PARTS, context))


def _with_names(request, activities):
    """Mark the activities whose young person shares their name with the mentor's company."""
    shared = consent_selectors.categories_by_young_person(
        [a.young_person_id for a in activities], request.actor.mentor_company_ids
    )
    for activity in activities:
        activity.shows_name = "identity" in shared.get(activity.young_person_id, set())
    return activities


def _mentor_today(request, context):
    running = context["visible"].filter(state__in=selectors.RUNNING)
    return {"rows": _with_names(request, list(selectors.with_today(running, context["today"])))}


def _mentor_certificates(request, context):
    ended = _with_names(request, list(selectors.recently_ended_placements(context["visible"], context["today"])))
    certificates = certificate_selectors.live_by_activity([a.pk for a in ended])
    for activity in ended:
        activity.certificate = certificates.get(activity.pk)
    return {"ended": ended}


def _mentor_rounds(request, context):
    rounds = policy.visible(request.actor, Kind.ROUND_OFFER, Action.RANK).filter(round__state="open")
    return {"rounds": rounds.select_related("round", "offer")}


MENTOR_PARTS = {
    "today": Part("staircase/mentor/today.html", _mentor_today),
    "certificates": Part("staircase/mentor/certificates.html", _mentor_certificates),
    "rounds": Part("staircase/mentor/rounds.html", _mentor_rounds),
}
