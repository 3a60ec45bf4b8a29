from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.access.rules import Kind
from brobygger.audit.models import LogAction, LogKind
from brobygger.audit.services import log
from brobygger.core.dates import shown_date
from brobygger.core.errors import Refused

from . import signals
from .models import Pathway, PlanStep, StatusCode, StatusEntry, Wish
from .selectors import current_status

STATUS_BACKDATE_LIMIT = timedelta(days=2 * 365)


class PathwayError(Refused):
    """A clear, translated reason why an action on a pathway was refused."""


class Conflict(PathwayError):
    """Somebody else saved the same thing first (no lost update)."""


def _pathway_for_update(young_person):
    pathway, _created = Pathway.objects.select_for_update().get_or_create(
        young_person=young_person, defaults={"organisation": young_person.organisation}
    )
    return pathway


@transaction.atomic
def accept(actor, young_person, *, on, how="", initiative=None):
    """Record the young person's yes (after a visit, in their own time)."""
    if on > timezone.localdate():
        raise PathwayError(_("The young person cannot have said yes in the future."))
    if on < young_person.referral_date:
        raise PathwayError(_("The yes cannot come before the referral."))
    pathway = _pathway_for_update(young_person)
    if pathway.state == Pathway.State.ACTIVE:
        raise PathwayError(_("The pathway has already started."))
    pathway.state = Pathway.State.ACTIVE
    pathway.accepted_on = on
    pathway.accepted_how = how
    if initiative is not None:
        if initiative.organisation_id != young_person.organisation_id:
            raise PathwayError(_("Choose one of your organisation's initiatives."))
        pathway.initiative = initiative
    pathway.version += 1
    pathway.save()
    log(actor, LogAction.UPDATE, kind=LogKind.PATHWAY, subject=young_person, obj=pathway)
    return pathway


@transaction.atomic
def set_phase(actor, young_person, *, phase):
    if phase not in Pathway.Phase.values:
        raise PathwayError(_("Choose a phase."))
    pathway = _pathway_for_update(young_person)
    if pathway.state == Pathway.State.ENDED:
        raise PathwayError(_("The pathway has already ended."))
    pathway.phase = phase
    pathway.version += 1
    pathway.save()
    log(actor, LogAction.UPDATE, kind=LogKind.PATHWAY, subject=young_person, obj=pathway)
    return pathway


@transaction.atomic
def update_tracks(actor, young_person, *, dream, livelihood, version):
    pathway = _pathway_for_update(young_person)
    if pathway.version != version:
        raise Conflict(
            _("Someone else changed the plan while you were writing. Your text is kept below: compare and save again.")
        )
    pathway.dream = dream.strip()
    pathway.livelihood = livelihood.strip()
    pathway.version = version + 1
    pathway.save()
    log(actor, LogAction.UPDATE, kind=LogKind.PATHWAY, subject=young_person, obj=pathway)
    return pathway


def status_problem(birth_date, activity, income, valid_from):
    """Why a status with these codes from `valid_from` cannot be added, or None."""
    today = timezone.localdate()
    if valid_from > today:
        return _("A status cannot start in the future.")
    if valid_from < today - STATUS_BACKDATE_LIMIT:
        return _("A status can be back-dated at most two years.")
    if valid_from < birth_date:
        return _("A status cannot start before the young person was born.")
    for code, axis in ((activity, StatusCode.Axis.ACTIVITY), (income, StatusCode.Axis.INCOME)):
        if code is None:
            continue
        if code.axis != axis:
            return _("That status does not belong on this axis.")
        if not code.valid_on(valid_from):
            return _("“%(label)s” is not in use on %(date)s.") % {
                "label": code.label,
                "date": shown_date(valid_from),
            }
    return None


@transaction.atomic
def change_status(actor, young_person, *, activity, income=None, valid_from=None, note=""):
    """Add a status to the history. The history is never rewritten."""
    valid_from = valid_from or timezone.localdate()
    problem = status_problem(young_person.birth_date, activity, income, valid_from)
    if problem:
        raise PathwayError(problem)
    if income is None:
        # The income carries over, unless the scheme has ended by then (the
        # 1 July 2025 reform): then it is left unknown rather than refused.
        current = current_status(young_person, on=valid_from)
        income = current.income if current and current.income and current.income.valid_on(valid_from) else None
    entry = StatusEntry.objects.create(
        organisation=young_person.organisation,
        young_person=young_person,
        activity=activity,
        income=income,
        valid_from=valid_from,
        note=note.strip(),
        recorded_by=actor.user,
    )
    log(actor, LogAction.CREATE, kind=LogKind.STATUS, subject=young_person, obj=entry)
    if activity.positive_outcome and valid_from <= timezone.localdate():
        _reach_job_or_education(actor, young_person)
    signals.status_changed.send(sender=StatusEntry, actor=actor, young_person=young_person, entry=entry)
    return entry


PHASES_BEFORE_JOB = (Pathway.Phase.GETTING_TO_KNOW, Pathway.Phase.CLARIFYING, Pathway.Phase.ACTIVITIES)


def _reach_job_or_education(actor, young_person):
    """A job or an education has started: the pathway's phase says so (it said 'getting to know each
    other' after 'Ordinært job', user-walk.md item 10); a later phase (aftercare) is left as it is."""
    pathway = Pathway.objects.select_for_update().filter(young_person=young_person).first()
    if pathway is None or pathway.state == Pathway.State.ENDED or pathway.phase not in PHASES_BEFORE_JOB:
        return
    pathway.phase = Pathway.Phase.JOB_OR_EDUCATION
    pathway.version += 1
    pathway.save(update_fields=["phase", "version", "updated_at"])
    log(actor, LogAction.UPDATE, kind=LogKind.PATHWAY, subject=young_person, obj=pathway)


@transaction.atomic
def end_pathway(actor, young_person, *, on, reason=""):
    """The young person leaves the programme (exit). Aftercare may go on."""
    if on > timezone.localdate():
        raise PathwayError(_("A pathway cannot end in the future."))
    pathway = _pathway_for_update(young_person)
    if pathway.state == Pathway.State.ENDED:
        raise PathwayError(_("The pathway has already ended."))
    if pathway.accepted_on and on < pathway.accepted_on:
        raise PathwayError(_("A pathway cannot end before it started."))
    pathway.state = Pathway.State.ENDED
    pathway.phase = Pathway.Phase.AFTERCARE
    pathway.ended_on = on
    pathway.end_reason = reason.strip()
    pathway.version += 1
    pathway.save()
    log(actor, LogAction.UPDATE, kind=LogKind.PATHWAY, subject=young_person, obj=pathway)
    signals.pathway_ended.send(sender=Pathway, actor=actor, young_person=young_person, pathway=pathway)
    return pathway


@transaction.atomic
def add_step(actor, young_person, *, data):
    step = PlanStep(organisation=young_person.organisation, young_person=young_person, created_by=actor.user, **data)
    step.full_clean()
    step.save()
    log(actor, LogAction.CREATE, kind=Kind.PLAN_STEP, subject=young_person, obj=step)
    return step


@transaction.atomic
def update_step(actor, step, *, data, version):
    changed = PlanStep.objects.filter(pk=step.pk, version=version).update(version=version + 1, **data)
    if not changed:
        raise Conflict(
            _("Someone else changed this step while you were writing. Your text is kept below: compare and save again.")
        )
    log(actor, LogAction.UPDATE, kind=Kind.PLAN_STEP, subject=step.young_person, obj=step)
    step.refresh_from_db()
    return step


@transaction.atomic
def set_done(actor, step, *, done):
    done_at = timezone.now() if done else None
    PlanStep.objects.filter(pk=step.pk).update(done_at=done_at, version=F("version") + 1)
    log(actor, LogAction.UPDATE, kind=Kind.PLAN_STEP, subject=step.young_person, obj=step)
    step.refresh_from_db()
    return step


@transaction.atomic
def add_wish(actor, young_person, *, kind, text):
    wish = Wish(organisation=young_person.organisation, young_person=young_person, kind=kind, text=text.strip())
    wish.full_clean()
    wish.save()
    log(actor, LogAction.CREATE, kind=LogKind.WISH, subject=young_person, obj=wish)
    return wish


def import_statuses(actor, rows, on_progress=lambda done: None):
    """Statuses from an import, oldest first; one already in the history (same day and codes) is
    left alone, so importing the same file again adds nothing. Runs inside the caller's transaction."""
    people = {values["young_person"].pk for values in rows}
    known = set()
    for person_id, day, activity_id, income_id in StatusEntry.objects.filter(young_person_id__in=people).values_list(
        "young_person_id", "valid_from", "activity_id", "income_id"
    ):
        # Without an income in the file the income carried over, so the day and activity decide.
        known.update({(person_id, day, activity_id, income_id), (person_id, day, activity_id, None)})
    summary = {"created": 0, "updated": 0, "unchanged": 0}
    ordered = sorted(rows, key=lambda v: (str(v["young_person"].pk), v["valid_from"]))
    for done, values in enumerate(ordered, start=1):
        person, activity, income = values["young_person"], values["activity"], values.get("income")
        key = (person.pk, values["valid_from"], activity.pk, income.pk if income else None)
        if key in known:
            summary["unchanged"] += 1
        else:
            change_status(
                actor,
                person,
                activity=activity,
                income=income,
                valid_from=values["valid_from"],
                note=values.get("note", ""),
            )
            known.add(key)
            summary["created"] += 1
        if done % 500 == 0:
            on_progress(done)
    on_progress(len(rows))
    return summary
