from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from brobygger.access.rules import Kind
from brobygger.audit.models import LogAction, LogKind
from brobygger.audit.services import log
from brobygger.core.dates import shown_date
from brobygger.core.errors import Refused

from . import rules_for_young_workers as young_workers
from .models import PLACEMENT_KINDS, Activity, ActivityKind, Attendance, LearningPlan, MentorMessage, Talent

MAX_HOURS_PER_WEEK = Decimal(37)
FAR_FUTURE = date(9999, 12, 31)


class ActivityError(Refused):
    pass


def hours_text(value):
    """Hours as a Dane writes them: 40, 7,5."""
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return number_format(value)


def overlapping_hours(young_person, starts_on, ends_on, exclude=None):
    """Hours per week of the young person's running activities that overlap the period."""
    starts_on = starts_on or timezone.localdate()
    ends_on = ends_on or FAR_FUTURE
    running = Activity.objects.filter(
        young_person=young_person, state__in=(Activity.State.ACCEPTED, Activity.State.ACTIVE)
    )
    if exclude is not None:
        running = running.exclude(pk=exclude.pk)
    overlapping = running.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on)).filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=ends_on)
    )
    return sum((a.hours_per_week or Decimal(0) for a in overlapping), Decimal(0))


def check_hours(young_person, *, starts_on, ends_on, hours_per_week, exclude=None):
    if not hours_per_week:
        return
    total = overlapping_hours(young_person, starts_on, ends_on, exclude) + hours_per_week
    if total > MAX_HOURS_PER_WEEK:
        raise ActivityError(
            _("Together with the activities it overlaps, this comes to %(total)s hours a week; the limit is 37.")
            % {"total": hours_text(total)}
        )


def had_trial_at(young_person, company):
    return Activity.objects.filter(
        young_person=young_person,
        company=company,
        kind=ActivityKind.TRIAL_INTERNSHIP,
        state__in=(Activity.State.ACCEPTED, Activity.State.ACTIVE, Activity.State.ENDED),
    ).exists()


def young_worker_warning(young_person, kind, day):
    """The rule text, when a placement is for someone under 18."""
    if kind in PLACEMENT_KINDS and young_workers.applies(young_person, day or timezone.localdate()):
        return young_workers.RULE_TEXT
    return None


@transaction.atomic
def propose(actor, young_person, *, data):
    """Propose an activity. Refuses more than 37 hours a week with what it
    overlaps, rules broken for young workers, a full offer, and an internship
    without a trial internship first unless a reason is given."""
    kind, company = data["kind"], data.get("company")
    offer = data.get("offer")
    if offer is not None:
        company = data["company"] = offer.company
        if offer.capacity <= _running_from(offer):
            raise ActivityError(_("The offer has no free places right now."))
    check_hours(
        young_person,
        starts_on=data.get("starts_on"),
        ends_on=data.get("ends_on"),
        hours_per_week=data.get("hours_per_week"),
    )
    if young_workers.applies(young_person, data.get("starts_on") or timezone.localdate()):
        broken = young_workers.problems(hours_per_week=data.get("hours_per_week"))
        if broken and kind in PLACEMENT_KINDS:
            raise ActivityError(
                _("This breaks the rules for young workers (%(what)s). %(rule)s")
                % {"what": ", ".join(map(str, broken)), "rule": young_workers.RULE_TEXT}
            )
    skipping_trial = kind == ActivityKind.INTERNSHIP and company and not had_trial_at(young_person, company)
    if skipping_trial and not data.get("skipped_trial_reason"):
        raise ActivityError(
            _("Offer a trial internship (snusepraktik, about 14 days) before an internship, or say why not.")
        )
    activity = Activity(
        organisation=young_person.organisation, young_person=young_person, proposed_by=actor.user, **data
    )
    activity.full_clean()
    activity.save()
    log(actor, LogAction.CREATE, kind=Kind.ACTIVITY, subject=young_person, obj=activity)
    return activity


def _running_from(offer):
    return Activity.objects.filter(offer=offer, state__in=(Activity.State.ACCEPTED, Activity.State.ACTIVE)).count()


@transaction.atomic
def answer(actor, activity, *, yes):
    """The young person's yes or no. A no needs no reason."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.state != Activity.State.PROPOSED:
        raise ActivityError(_("You have already answered this proposal."))
    if yes:
        check_hours(
            activity.young_person,
            starts_on=activity.starts_on,
            ends_on=activity.ends_on,
            hours_per_week=activity.hours_per_week,
            exclude=activity,
        )
    activity.state = Activity.State.ACCEPTED if yes else Activity.State.DECLINED
    activity.answered_at = timezone.now()
    activity.save(update_fields=["state", "answered_at"])
    log(actor, LogAction.UPDATE, kind=Kind.ACTIVITY, subject=activity.young_person, obj=activity)
    return activity


@transaction.atomic
def write_learning_plan(actor, activity, *, data):
    """Write or change the learning plan. A change after the young person
    accepted it asks them to accept again."""
    young_person = activity.young_person
    if young_workers.applies(young_person, activity.starts_on or timezone.localdate()):
        broken = young_workers.problems(hours_per_day=data.get("hours_per_day"))
        if broken:
            raise ActivityError(
                _("This breaks the rules for young workers (%(what)s). %(rule)s")
                % {"what": ", ".join(map(str, broken)), "rule": young_workers.RULE_TEXT}
            )
    plan = LearningPlan.objects.filter(activity=activity).first() or LearningPlan(
        organisation=activity.organisation, activity=activity, young_person=young_person
    )
    for field, value in data.items():
        setattr(plan, field, value)
    plan.written_by = actor.user
    plan.accepted_at = None
    plan.full_clean()
    plan.save()
    log(actor, LogAction.UPDATE, kind=LogKind.LEARNING_PLAN, subject=young_person, obj=plan)
    return plan


@transaction.atomic
def accept_learning_plan(actor, activity):
    plan = LearningPlan.objects.select_for_update().filter(activity=activity).first()
    if plan is None:
        raise ActivityError(_("There is no learning plan to accept yet."))
    plan.accepted_at = timezone.now()
    plan.save(update_fields=["accepted_at"])
    log(actor, LogAction.UPDATE, kind=LogKind.LEARNING_PLAN, subject=activity.young_person, obj=plan)
    return plan


@transaction.atomic
def register_attendance(actor, activity, *, day=None, present=True, hours=None):
    """One tap: today, present, the learning plan's hours. Registering the
    same day again corrects it."""
    day = day or timezone.localdate()
    activity = Activity.objects.select_for_update().select_related("young_person").get(pk=activity.pk)
    if not activity.is_running:
        raise ActivityError(_("Attendance can only be registered for an activity that is under way."))
    if day > timezone.localdate():
        raise ActivityError(_("Attendance cannot be registered for a day in the future."))
    if (activity.starts_on and day < activity.starts_on) or (activity.ends_on and day > activity.ends_on):
        raise ActivityError(_("%(day)s is outside the activity's dates.") % {"day": shown_date(day)})
    plan = LearningPlan.objects.filter(activity=activity).first()
    if activity.is_placement and (plan is None or plan.accepted_at is None):
        raise ActivityError(_("The learning plan must be agreed and accepted by the young person before the start."))
    if hours is None:
        hours = (plan.hours_per_day if plan else Decimal(4)) if present else Decimal(0)
    earlier = Attendance.objects.filter(activity=activity, day=day).select_related("registered_by").first()
    try:
        with transaction.atomic():
            entry, _created = Attendance.objects.update_or_create(
                activity=activity,
                day=day,
                defaults={
                    "organisation": activity.organisation,
                    "young_person": activity.young_person,
                    "present": present,
                    "hours": hours,
                    "registered_by": actor.user,
                },
            )
    except IntegrityError as error:  # two taps at once from two phones
        raise ActivityError(_("Someone registered this day at the same moment. Reload the page.")) from error
    if activity.state == Activity.State.ACCEPTED:
        activity.state = Activity.State.ACTIVE
        activity.save(update_fields=["state"])
    log(actor, LogAction.UPDATE, kind=LogKind.ATTENDANCE, subject=activity.young_person, obj=entry)
    # Another person's registration of the day, now corrected: the view says what it was.
    entry.replaced = earlier if earlier is not None and earlier.registered_by_id != actor.user.pk else None
    return entry


@transaction.atomic
def end(actor, activity, *, learned, reason=""):
    """En dør på klem: ending is always possible and always records what was learned."""
    learned = (learned or "").strip()
    if not learned:
        raise ActivityError(_("Write what was learned: every ending is a learning."))
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.state in (Activity.State.ENDED, Activity.State.DECLINED):
        raise ActivityError(_("The activity has already ended."))
    activity.state = Activity.State.ENDED
    activity.ended_on = timezone.localdate()
    activity.ended_by = actor.user
    activity.learned = learned
    activity.end_reason = (reason or "").strip()
    activity.full_clean()
    activity.save()
    log(actor, LogAction.UPDATE, kind=Kind.ACTIVITY, subject=activity.young_person, obj=activity)
    return activity


@transaction.atomic
def step_back_in(actor, activity):
    """The door stays ajar: a new activity like the ended one. The young
    person's own step back in is their yes; staff propose it."""
    if activity.state != Activity.State.ENDED:
        raise ActivityError(_("Only an ended activity can be stepped back into."))
    by_young_person = actor.young_person_id == activity.young_person_id
    copy = Activity(
        organisation=activity.organisation,
        young_person=activity.young_person,
        kind=activity.kind,
        title=activity.title,
        company=activity.company,
        offer=activity.offer,
        mentor=activity.mentor,
        hours_per_week=activity.hours_per_week,
        dream_distance=activity.dream_distance,
        starts_on=timezone.localdate(),
        state=Activity.State.ACCEPTED if by_young_person else Activity.State.PROPOSED,
        answered_at=timezone.now() if by_young_person else None,
        proposed_by=actor.user,
        stepped_back_from=activity,
    )
    check_hours(activity.young_person, starts_on=copy.starts_on, ends_on=None, hours_per_week=copy.hours_per_week)
    copy.full_clean()
    copy.save()
    log(actor, LogAction.CREATE, kind=Kind.ACTIVITY, subject=activity.young_person, obj=copy)
    return copy


@transaction.atomic
def record_talent(actor, young_person, *, data):
    talent = Talent(organisation=young_person.organisation, young_person=young_person, spotted_by=actor.user, **data)
    talent.full_clean()
    talent.save()
    log(actor, LogAction.CREATE, kind=LogKind.TALENT, subject=young_person, obj=talent)
    return talent


@transaction.atomic
def send_message(actor, activity, *, text):
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write a message."))
    message = MentorMessage(
        organisation=activity.organisation,
        activity=activity,
        young_person=activity.young_person,
        author=actor.user,
        text=text,
    )
    message.full_clean()
    message.save()
    log(actor, LogAction.CREATE, kind=LogKind.MENTOR_MESSAGE, subject=activity.young_person, obj=message)
    return message
