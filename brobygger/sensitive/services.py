from django.db import transaction

from brobygger.audit.models import LogAction, LogKind, Purpose
from brobygger.audit.services import log

from .models import SensitiveInformation


@transaction.atomic
def record(actor, young_person, *, data):
    item = SensitiveInformation(
        organisation=young_person.organisation, young_person=young_person, recorded_by=actor.user, **data
    )
    item.full_clean()
    item.save()
    log(
        actor,
        LogAction.CREATE,
        kind=LogKind.SENSITIVE,
        subject=young_person,
        obj=item,
        purpose=Purpose.SPECIAL_CATEGORY,
        purpose_text=data["why_needed"],
    )
    return item


@transaction.atomic
def open_for(actor, young_person, *, purpose_text):
    """Log the opening with the purpose the user gave, then return the rows."""
    log(
        actor,
        LogAction.VIEW,
        kind=LogKind.SENSITIVE,
        subject=young_person,
        purpose=Purpose.SPECIAL_CATEGORY,
        purpose_text=purpose_text,
    )
    return list(SensitiveInformation.objects.filter(young_person=young_person).select_related("recorded_by"))
