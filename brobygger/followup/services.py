from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.audit.models import LogAction, LogKind
from brobygger.audit.services import log
from brobygger.core.dates import shown_date
from brobygger.core.errors import Refused
from brobygger.pathways import selectors as pathway_selectors
from brobygger.pathways import services as pathway_services
from brobygger.people import selectors as people_selectors

from .models import STATUS_CHECK_MONTHS, FeedToken, FollowUpContact, FollowUpPlan, HowItGoes, StatusCheck


class FollowUpError(Refused):
    pass


def schedule(exit_on, interval_days, months):
    """Due dates of the contacts: every `interval_days` calendar days (dates,
    not hours, so daylight saving never shifts them) up to `months` after exit."""
    end = exit_on + relativedelta(months=months)
    day, dates = exit_on + timedelta(days=interval_days), []
    while day <= end:
        dates.append(day)
        day += timedelta(days=interval_days)
    return dates


def _responsible(young_person, actor):
    return people_selectors.counsellor_of(young_person) or actor.user


@transaction.atomic
def create_plan(actor, young_person):
    """Start aftercare. Refused for a young person who has not started a job
    or an education (no exit yet) and for one who already has an open plan."""
    status = pathway_selectors.current_status(young_person)
    if status is None or not status.activity.positive_outcome:
        raise FollowUpError(
            _("%(name)s has not started a job or an education yet: follow-up starts from that day.")
            % {"name": young_person.first_name}
        )
    if FollowUpPlan.objects.filter(young_person=young_person, closed_on__isnull=True).exists():
        raise FollowUpError(_("%(name)s already has a follow-up plan.") % {"name": young_person.first_name})
    organisation = young_person.organisation
    plan = _plan(
        actor, young_person, outcome=status.activity, exit_on=status.valid_from, months=organisation.followup_months
    )
    log(actor, LogAction.CREATE, kind=LogKind.FOLLOWUP_PLAN, subject=young_person, obj=plan)
    return plan


@transaction.atomic
def checks_after_end(actor, young_person, *, ended_on):
    """A pathway that ends without a job or an education still gets its status
    checks at +6, +12 and +18 months (negative and unknown outcomes count too)."""
    if FollowUpPlan.objects.filter(young_person=young_person, closed_on__isnull=True).exists():
        return None
    plan = _plan(actor, young_person, outcome=None, exit_on=ended_on, months=0)
    log(actor, LogAction.CREATE, kind=LogKind.FOLLOWUP_PLAN, subject=young_person, obj=plan)
    return plan


def _plan(actor, young_person, *, outcome, exit_on, months):
    organisation = young_person.organisation
    plan = FollowUpPlan.objects.create(
        organisation=organisation,
        young_person=young_person,
        responsible=_responsible(young_person, actor),
        outcome=outcome,
        exit_on=exit_on,
        interval_days=organisation.followup_interval_days,
        months=months,
    )
    FollowUpContact.objects.bulk_create(
        FollowUpContact(organisation=organisation, plan=plan, young_person=young_person, due_on=day)
        for day in schedule(plan.exit_on, plan.interval_days, plan.months)
    )
    StatusCheck.objects.bulk_create(
        StatusCheck(
            organisation=organisation,
            plan=plan,
            young_person=young_person,
            months_after=months,
            due_on=plan.exit_on + relativedelta(months=months),
        )
        for months in STATUS_CHECK_MONTHS
    )
    return plan


@transaction.atomic
def record_contact(actor, contact, *, reached, how_it_goes="", note="", status=None):
    """Two taps: reached or not, and how it goes. A new status goes into the history."""
    if how_it_goes and how_it_goes not in HowItGoes.values:
        raise FollowUpError(_("Choose how it goes."))
    # One UPDATE that only an open contact matches: of two people recording it at once, on either
    # database, the second is told and nothing of theirs is written.
    recorded = FollowUpContact.objects.filter(pk=contact.pk, done_on__isnull=True).update(
        done_on=timezone.localdate(),
        reached=reached,
        how_it_goes=how_it_goes if reached else "",
        note=note.strip(),
        recorded_by=actor.user,
    )
    contact = FollowUpContact.objects.select_related("young_person", "recorded_by").get(pk=contact.pk)
    if not recorded:
        raise FollowUpError(already_recorded(contact))
    contact.lapsed_before = _lapse_earlier(actor, contact)
    if status is not None:
        pathway_services.change_status(actor, contact.young_person, activity=status)
    log(actor, LogAction.UPDATE, kind=LogKind.FOLLOWUP_CONTACT, subject=contact.young_person, obj=contact)
    return contact


def _lapse_earlier(actor, contact):
    """The contacts of the plan due before this one and never made: today's contact settles them,
    so a backlog is cleared in one action instead of one contact at a time. Returns how many."""
    return FollowUpContact.objects.filter(
        plan_id=contact.plan_id, done_on__isnull=True, due_on__lt=contact.due_on
    ).update(done_on=contact.done_on, lapsed=True, recorded_by=actor.user)


def already_recorded(item):
    who = item.recorded_by.display_name if item.recorded_by else _("someone else")
    return _("%(who)s recorded this on %(date)s, so yours was not saved. Your text is still here.") % {
        "who": who,
        "date": shown_date(item.done_on),
    }


@transaction.atomic
def record_check(actor, check, *, status=None, unknown=False):
    """A status check after exit. Unknown is a result too, shown as unknown."""
    if status is None and not unknown:
        raise FollowUpError(_("Choose the status, or say that it could not be found out."))
    recorded = StatusCheck.objects.filter(pk=check.pk, done_on__isnull=True).update(
        done_on=timezone.localdate(), status=status, unknown=status is None, recorded_by=actor.user
    )
    check = StatusCheck.objects.select_related("young_person", "recorded_by").get(pk=check.pk)
    if not recorded:
        raise FollowUpError(already_recorded(check))
    log(actor, LogAction.UPDATE, kind=LogKind.STATUS_CHECK, subject=check.young_person, obj=check)
    return check


@transaction.atomic
def issue_feed(user) -> str:
    """A new secret calendar address for the user (the token, shown once); the old one stops working."""
    return FeedToken.issue(user)


@transaction.atomic
def stop_feed(user) -> None:
    """The user's calendar address stops working at once."""
    FeedToken.objects.filter(user=user).delete()
