from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.access.rules import Kind
from brobygger.audit.models import Action
from brobygger.audit.services import log

from .models import Activity


class ActivityError(ValueError):
    pass


@transaction.atomic
def propose(actor, young_person, *, data, role=None):
    activity = Activity(
        organisation=young_person.organisation, young_person=young_person, proposed_by=actor.user, **data
    )
    activity.full_clean()
    activity.save()
    log(actor, Action.CREATE, kind=Kind.ACTIVITY, subject=young_person, obj=activity, role=role)
    return activity


@transaction.atomic
def answer(actor, activity, *, yes):
    """The young person's yes or no. A no needs no reason."""
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.state != Activity.State.PROPOSED:
        raise ActivityError(_("You have already answered this proposal."))
    activity.state = Activity.State.ACCEPTED if yes else Activity.State.DECLINED
    activity.answered_at = timezone.now()
    activity.save(update_fields=["state", "answered_at"])
    log(actor, Action.UPDATE, kind=Kind.ACTIVITY, subject=activity.young_person, obj=activity, role="young_person")
    return activity
