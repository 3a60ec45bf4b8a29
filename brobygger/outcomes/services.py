from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.audit.models import LogAction, LogKind
from brobygger.audit.services import log
from brobygger.core.errors import Refused
from brobygger.people import selectors as people_selectors

from . import instruments, selectors
from .models import Attention, OpenDataRelease, OwnInstrument, Response, Target


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
def record(actor, young_person, *, instrument_id, answers, language, mode):
    """Store every item's answer and the score. A WHO-5 score of 28 or less
    asks the counsellor to get in touch (no label, no diagnosis)."""
    instrument = selectors.instrument(instrument_id)
    if instrument is None:
        raise MeasureError(_("Unknown measure."))
    cleaned = _clean(instrument, answers)
    score = instruments.score_with(instrument, cleaned)
    if score is None and instrument.max_missing:
        raise MeasureError(
            _("Answer at least %(n)d of the %(total)d questions, please.")
            % {"n": len(instrument.items) - instrument.max_missing, "total": len(instrument.items)}
        )
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
    log(actor, LogAction.CREATE, kind=LogKind.MEASURE, subject=young_person, obj=response)
    if instrument.id == "who5" and score <= instruments.WHO5_FOLLOW_UP_AT:
        Attention.objects.create(
            organisation=young_person.organisation,
            young_person=young_person,
            response=response,
            for_user=_counsellor(young_person, actor.user),
        )
    return response


@transaction.atomic
def attended(actor, attention):
    """The professional has talked with the young person: this attention and the young person's other
    open ones for the same professional are settled (one conversation answers them all)."""
    attention = Attention.objects.select_for_update().get(pk=attention.pk)
    if attention.done_at is None:
        settled = Attention.objects.filter(
            young_person=attention.young_person, for_user=attention.for_user, done_at__isnull=True
        )
        for each in settled.select_for_update():
            each.done_at = timezone.now()
            each.done_by = actor.user
            each.save(update_fields=["done_at", "done_by"])
            log(actor, LogAction.UPDATE, kind=LogKind.ATTENTION, subject=each.young_person, obj=each)
        attention.refresh_from_db()
    return attention


class TargetError(Refused):
    pass


@transaction.atomic
def set_targets(actor, *, year, values):
    """Set (or clear, with None) the organisation's targets for a year, all in one go."""
    this_year = timezone.localdate().year
    if not this_year - 10 <= year <= this_year + 5:
        raise TargetError(_("Choose a year within ten years back and five years ahead."))
    for key, value in values.items():
        if key not in Target.Key.values:
            raise TargetError(_("Unknown target."))
        if value is not None and (value < 0 or (Target.UNITS[key] == "%" and value > 100)):
            raise TargetError(_("A share must be between 0 and 100 %."))
        existing = Target.objects.filter(year=year, key=key).first()
        if value is None:
            if existing:
                existing.delete()
            continue
        if existing:
            existing.value, existing.set_by = value, actor.user
            existing.save(update_fields=["value", "set_by", "set_at"])
        else:
            Target.objects.create(organisation=actor.organisation, year=year, key=key, value=value, set_by=actor.user)
    log(actor, LogAction.UPDATE, kind=LogKind.TARGETS, criterion=str(year))


class PublishError(Refused):
    pass


@transaction.atomic
def publish(actor, *, year, rows):
    """Freeze the organisation's anonymised figures for a finished year as open data."""
    if year >= timezone.localdate().year:
        raise PublishError(_("A year can be published once it has ended."))
    if OpenDataRelease.objects.filter(year=year, withdrawn_at__isnull=True).exists():
        raise PublishError(_("That year is already published. Withdraw it first to publish it again."))
    release = OpenDataRelease.objects.create(
        organisation=actor.organisation,
        year=year,
        schema_version=OpenDataRelease.SCHEMA_VERSION,
        rows=rows,
        published_by=actor.user,
    )
    log(actor, LogAction.CREATE, kind=LogKind.OPEN_DATA, obj=release)
    return release


@transaction.atomic
def withdraw(actor, release):
    release = OpenDataRelease.objects.select_for_update().get(pk=release.pk)
    if release.withdrawn_at is None:
        release.withdrawn_at = timezone.now()
        release.save(update_fields=["withdrawn_at"])
        log(actor, LogAction.UPDATE, kind=LogKind.OPEN_DATA, obj=release)
    return release


@transaction.atomic
def add_own_instrument(actor, *, data):
    """Add a measure the organisation holds its own licence for."""
    if OwnInstrument.objects.filter(key=data["key"]).exists():
        raise MeasureError(_("You already have a measure with that short name."))
    own = OwnInstrument.objects.create(organisation=actor.organisation, created_by=actor.user, **data)
    definition = own.definition()
    if len(definition.options) < 2 or not definition.items:
        raise MeasureError(_("A measure needs at least one question and two answers."))
    if own.max_missing >= len(definition.items):
        raise MeasureError(_("At least one question must be answered."))
    log(actor, LogAction.CREATE, kind=LogKind.OWN_INSTRUMENT, obj=own)
    return own
