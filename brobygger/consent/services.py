from django.db import transaction
from django.utils import timezone

from brobygger.access.rules import FieldCategory, Kind
from brobygger.audit.models import LogAction, Purpose
from brobygger.audit.services import log

from .models import Consent
from .texts import CURRENT_VERSION


@transaction.atomic
def give(actor, young_person, *, categories, company=None, recipient_organisation=None):
    unknown = set(categories) - set(FieldCategory.values)
    if unknown or not categories:
        raise ValueError(f"Unknown or empty field categories: {sorted(unknown)}")
    consent = Consent.objects.create(
        organisation=young_person.organisation,
        young_person=young_person,
        company=company,
        recipient_organisation=recipient_organisation,
        categories=sorted(categories),
        text_version=CURRENT_VERSION,
        recorded_by=actor.user,
    )
    log(actor, LogAction.CREATE, kind=Kind.CONSENT, subject=young_person, obj=consent, purpose=Purpose.CONSENT)
    return consent


@transaction.atomic
def withdraw(actor, consent):
    """Takes effect on the very next request: access checks read this row."""
    if consent.withdrawn_at is not None:
        return consent
    consent.withdrawn_at = timezone.now()
    consent.withdrawn_by = actor.user
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    log(
        actor,
        LogAction.UPDATE,
        kind=Kind.CONSENT,
        subject=consent.young_person,
        obj=consent,
        purpose=Purpose.CONSENT,
    )
    return consent
