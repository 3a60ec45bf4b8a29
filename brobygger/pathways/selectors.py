from django.db.models import Prefetch
from django.utils import timezone

from .models import Pathway, PlanStep, StatusCode, StatusEntry, Track


def pathway_of(young_person, read=None):
    """The pathway, or an unsaved one in its first state if none is recorded yet. `read`: the young
    person's pathways, when the caller has read them already (the portal shows them)."""
    pathway = Pathway.objects.filter(young_person=young_person).first() if read is None else next(iter(read), None)
    return pathway or Pathway(young_person=young_person, organisation=young_person.organisation)


def status_history(young_person):
    return StatusEntry.objects.filter(young_person=young_person).select_related("activity", "income")


def status_as_read(young_person):
    """The status history with what the young person reads and exports of it: since when, the
    codes' labels and the note."""
    labels = [f"{code}__label_{language}" for code in ("activity", "income") for language in ("da", "en")]
    return status_history(young_person).only("organisation", "valid_from", "note", *labels)


def status_history_all():
    return StatusEntry.objects.select_related("activity", "income")


def current_status(young_person, on=None, read=None):
    """The status on `on` (today); `read`: the whole history, newest first, when the caller has it."""
    on = on or timezone.localdate()
    if read is not None:
        return next((entry for entry in read if entry.valid_from <= on), None)
    return status_history(young_person).filter(valid_from__lte=on).first()


def shown_status(young_person, on=None):
    """The status on `on` (today) with what the young person's page shows of it."""
    return status_as_read(young_person).filter(valid_from__lte=on or timezone.localdate()).first()


def codes(axis, on=None):
    on = on or timezone.localdate()
    return [c for c in StatusCode.objects.filter(axis=axis) if c.valid_on(on)]


def code_named(axis, code, on):
    """The status code `code` on `axis` as it stood on `on`, or None."""
    for found in StatusCode.objects.filter(axis=axis, code=code):
        if found.valid_on(on):
            return found
    return None


def steps(young_person):
    return PlanStep.objects.filter(young_person=young_person).select_related("helper")


def steps_by_track(young_person):
    rows = list(steps(young_person))
    return {track: [s for s in rows if s.track == track] for track in Track.values}, rows


def next_good_step(step_rows):
    """The first step not yet done: the earliest date first, undated after."""
    open_steps = [s for s in step_rows if not s.is_done]
    dated = sorted((s for s in open_steps if s.due), key=lambda s: (s.due, s.created_at))
    undated = [s for s in open_steps if not s.due]
    return (dated + undated)[0] if open_steps else None


def progress(step_rows):
    done = sum(1 for s in step_rows if s.is_done)
    return {"done": done, "total": len(step_rows)}


def wishes(young_person):
    return young_person.wishes.all()


def prefetch_for_list():
    return Prefetch("status_entries", queryset=StatusEntry.objects.select_related("activity"))


def young_people_with_ended_pathway():
    """The young people whose pathway has ended (ids, for a subquery)."""
    return Pathway.objects.filter(state=Pathway.State.ENDED).values("young_person_id")
