from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from brobygger.access import rules

from .models import AccessLog, Action, RetentionGrant


def log(actor, action, *, kind, subject=None, obj=None, criterion="", purpose=None, role=None, purpose_text=""):
    """Write one access-log row inside the caller's transaction.

    `subject` is the young person whose data was touched; `criterion` is the
    search text for searches. Never pass the data itself.
    """
    role = role or next(iter(sorted(actor.roles)), "")
    purpose = purpose or rules.ROLE_PURPOSE.get(role, "administration")
    return AccessLog.objects.create(
        organisation=actor.organisation,
        user=actor.user,
        role=role,
        action=action,
        subject=subject,
        object_kind=str(kind),
        object_id=str(obj.pk) if obj is not None else "",
        criterion=criterion[:300],
        purpose=purpose,
        purpose_text=purpose_text[:300],
    )


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
