from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.audit.models import Action
from brobygger.audit.services import log
from brobygger.errors import Refused
from brobygger.people import selectors as people_selectors

from . import instruments
from .models import Attention, Response


class MeasureError(Refused):
    pass


def _clean(instrument, answers):
    valid, cleaned = instrument.valid_values(), {}
    keys = {item.key for item in instrument.items}
    for key, value in answers.items():
        if key not in keys:
            raise MeasureError(_("An answer does not belong to this measure."))
        if value is None or value == "":
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number not in valid:
            raise MeasureError(_("Choose one of the answers shown."))
        cleaned[key] = number
    return cleaned


def _counsellor(young_person, fallback):
    return people_selectors.counsellor_of(young_person) or fallback


@transaction.atomic
def record(actor, young_person, *, instrument_id, answers, language, mode, role=None):
    """Store every item's answer and the score. A WHO-5 score of 28 or less
    asks the counsellor to get in touch (no label, no diagnosis)."""
    instrument = instruments.INSTRUMENTS.get(instrument_id)
    if instrument is None:
        raise MeasureError(_("Unknown measure."))
    cleaned = _clean(instrument, answers)
    score = instruments.score(instrument_id, cleaned)
    if score is None:
        raise MeasureError(_("Answer every question, please: this measure needs them all."))
    response = Response.objects.create(
        organisation=young_person.organisation,
        young_person=young_person,
        instrument=instrument.id,
        version=instrument.version,
        language=language if language in ("da", "en") else "da",
        mode=mode,
        respondent=actor.user,
        answers=cleaned,
        score=score,
    )
    log(actor, Action.CREATE, kind="measure", subject=young_person, obj=response, role=role)
    if instrument.id == "who5" and score <= instruments.WHO5_FOLLOW_UP_AT:
        Attention.objects.create(
            organisation=young_person.organisation,
            young_person=young_person,
            response=response,
            for_user=_counsellor(young_person, actor.user),
        )
    return response


@transaction.atomic
def attended(actor, attention, role=None):
    attention = Attention.objects.select_for_update().get(pk=attention.pk)
    if attention.done_at is None:
        attention.done_at = timezone.now()
        attention.done_by = actor.user
        attention.save(update_fields=["done_at", "done_by"])
        log(actor, Action.UPDATE, kind="attention", subject=attention.young_person, obj=attention, role=role)
    return attention
