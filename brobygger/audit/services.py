from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from brobygger.access import rules

from .models import AccessLog, LogAction, LogKind, Purpose, RetentionGrant


def _entry(actor, action, *, kind, subject_id=None, obj=None, criterion="", purpose=None, role="", purpose_text=""):
    # The role that allowed the action travels with the actor (access.policy); a background job's
    # actor acts in their first role.
    role = role or actor.acting_role or next(iter(sorted(actor.roles)), "")
    return AccessLog(
        organisation=actor.organisation,
        user=actor.user,
        role=role,
        action=action,
        subject_id=subject_id,
        object_kind=LogKind(kind),  # refuses a word outside the log's vocabulary
        object_id=str(obj.pk) if obj is not None else "",
        criterion=criterion[:300],
        purpose=purpose or rules.ROLE_PURPOSE.get(role, "administration"),
        purpose_text=purpose_text[:300],
    )


def log(actor, action, *, subject=None, **details):
    """Write one access-log row inside the caller's transaction.

    `subject` is the young person whose data was touched; `criterion` is the
    search text for searches. Never pass the data itself.
    """
    entry = _entry(actor, action, subject_id=subject.pk if subject is not None else None, **details)
    entry.save()
    if entry.subject_id is not None:
        actor.logged_subjects.add(entry.subject_id)
    return entry


def log_many(actor, action, *, kind, subjects, criterion=""):
    """One access-log row per young person in `subjects` (an import or an export touching many)."""
    rows = [_entry(actor, action, kind=kind, subject_id=s.pk, obj=s, criterion=criterion) for s in subjects]
    AccessLog.objects.bulk_create(rows, batch_size=1000)
    actor.logged_subjects.update(row.subject_id for row in rows)
    return len(rows)


def log_reads(actor):
    """A VIEW row for every young person whose data the policy handed to this request and the view
    logged nothing about (access.policy.READ_RECORDERS): logging that no page can forget."""
    from brobygger.access import policy

    rows = [
        _entry(
            actor,
            LogAction.VIEW,
            kind=kind,
            subject_id=young_person_id,
            obj=obj,
            role=policy.granting_role(actor, kind, action),
        )
        for young_person_id, (kind, action, obj) in actor.reads.items()
        if young_person_id not in actor.logged_subjects
    ]
    AccessLog.objects.bulk_create(rows)
    actor.logged_subjects.update(actor.reads)


def log_search(actor, *, kind, criterion, found):
    """A search or a list of several young people: one row about each young person it showed, with
    the search's words, so that erasing a person erases exactly the searches that found them; a search
    that showed no one writes one row about no one."""
    found = list(found)
    if not found:
        return [log(actor, LogAction.SEARCH, kind=kind, criterion=criterion)]
    return log_many(actor, LogAction.SEARCH, kind=kind, subjects=found, criterion=criterion)


def log_calendar_feed(user, organisation_ids):
    """A calendar feed was read (no session: the feed's token named the user): one row in each
    organisation whose follow-ups it listed, with initials only, so about no one."""
    AccessLog.objects.bulk_create(
        AccessLog(
            organisation_id=organisation_id,
            user=user,
            role="feed",  # no role acted: the token did
            action=LogAction.SEARCH,
            object_kind=LogKind.FOLLOWUP_FEED,
            criterion="calendar feed",
            purpose=Purpose.CASEWORK,
        )
        for organisation_id in organisation_ids
    )


def log_views(actor, kinds, obj, subject):
    """A page that showed several kinds of one young person's data: a VIEW row for each kind."""
    rows = [_entry(actor, LogAction.VIEW, kind=kind, subject_id=subject.pk, obj=obj) for kind in kinds]
    AccessLog.objects.bulk_create(rows)
    actor.logged_subjects.add(subject.pk)
    return rows


def log_view(actor, kind, obj, subject):
    return log(actor, LogAction.VIEW, kind=kind, subject=subject, obj=obj)


@transaction.atomic
def purge_expired(retention_days, now=None):
    """The retention job: the only path that deletes access-log rows.

    Runs with scopes disabled on purpose (it spans organisations) and opens
    the database guard only inside its own transaction.
    """
    cutoff = (now or timezone.now()) - timedelta(days=retention_days)
    grant = RetentionGrant.objects.create()
    deleted, _ = AccessLog.objects.with_scopes_disabled().filter(at__lt=cutoff)._raw_delete_rows()
    grant.delete()
    return deleted


@transaction.atomic
def erase_subject(young_person):
    """Erasure (Art. 17, NGO organisations): the log rows about the young person, and only those.
    A search that found them wrote a row about them (with its words), so it goes too; nothing is
    matched on words. Opens the guard like the retention job."""
    rows = AccessLog.objects.with_scopes_disabled().filter(subject_id=young_person.pk)
    grant = RetentionGrant.objects.create()
    deleted, _ = rows._raw_delete_rows()
    grant.delete()
    return deleted
