from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from brobygger.access import rules

from .models import AccessLog, Action, RetentionGrant


def _entry(actor, action, *, kind, subject=None, obj=None, criterion="", purpose=None, role=None, purpose_text=""):
    role = role or next(iter(sorted(actor.roles)), "")
    return AccessLog(
        organisation=actor.organisation,
        user=actor.user,
        role=role,
        action=action,
        subject=subject,
        object_kind=str(kind),
        object_id=str(obj.pk) if obj is not None else "",
        criterion=criterion[:300],
        purpose=purpose or rules.ROLE_PURPOSE.get(role, "administration"),
        purpose_text=purpose_text[:300],
    )


def log(actor, action, **details):
    """Write one access-log row inside the caller's transaction.

    `subject` is the young person whose data was touched; `criterion` is the
    search text for searches. Never pass the data itself.
    """
    entry = _entry(actor, action, **details)
    entry.save()
    return entry


def log_many(actor, action, *, kind, subjects, role=None, criterion=""):
    """One access-log row per young person in `subjects` (an import or an export touching many)."""
    rows = [_entry(actor, action, kind=kind, subject=s, obj=s, role=role, criterion=criterion) for s in subjects]
    AccessLog.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def log_view(actor, kind, obj, subject, role):
    return log(actor, Action.VIEW, kind=kind, subject=subject, obj=obj, role=role)


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
def erase_subject(young_person, words):
    """Erasure (Art. 17, NGO organisations): the log rows about the young person, and the
    organisation's search rows whose search words name them. Opens the guard like the retention job."""
    from django.db.models import Q

    named = Q(pk__in=[])  # no words: no search rows
    for word in (w for w in words if w):
        named |= Q(criterion__icontains=word)
    rows = AccessLog.objects.with_scopes_disabled().filter(
        Q(subject_id=young_person.pk) | (Q(organisation_id=young_person.organisation_id) & named)
    )
    grant = RetentionGrant.objects.create()
    deleted, _ = rows._raw_delete_rows()
    grant.delete()
    return deleted
