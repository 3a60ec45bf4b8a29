from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from brobygger.audit.models import LogAction, LogKind
from brobygger.audit.services import log
from brobygger.core.errors import Refused
from brobygger.people import services as people_services

from .models import Decision, Review


class ReviewError(Refused):
    pass


@transaction.atomic
def create_review(actor, *, starts_at):
    if Review.objects.filter(starts_at=starts_at).exists():
        raise ReviewError(_("There is already a case review at that time."))
    try:
        with transaction.atomic():
            return Review.objects.create(organisation=actor.organisation, starts_at=starts_at, led_by=actor.user)
    except IntegrityError as error:  # created at the same moment by someone else
        raise ReviewError(_("There is already a case review at that time.")) from error


@transaction.atomic
def decide(actor, review, *, young_person, text):
    text = (text or "").strip()
    if not text:
        raise ReviewError(_("Write the decision."))
    decision = Decision.objects.create(
        organisation=review.organisation, review=review, young_person=young_person, text=text, decided_by=actor.user
    )
    log(actor, LogAction.CREATE, kind=LogKind.REVIEW_DECISION, subject=young_person, obj=decision)
    return decision


@transaction.atomic
def distribute(actor, review, *, young_person, counsellor):
    """One action: the counsellor becomes the young person's entry point, which sets up the team."""
    try:
        people_services.add_team_member(actor, young_person, user=counsellor, is_primary=True)
    except people_services.TeamError as error:
        raise ReviewError(str(error)) from error
    return decide(
        actor,
        review,
        young_person=young_person,
        text=_("%(name)s is your counsellor and your way in.") % {"name": counsellor.display_name},
    )
