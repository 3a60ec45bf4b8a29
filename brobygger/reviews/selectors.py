from datetime import date, timedelta

from django.db.models import DateField, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from brobygger.conversations import selectors as note_selectors
from brobygger.core.lists import first_of
from brobygger.followup import selectors as followup_selectors
from brobygger.followup.models import FollowUpContact, StatusCheck
from brobygger.outcomes.selectors import open_attentions
from brobygger.pathways import selectors as pathway_selectors
from brobygger.people import selectors as people_selectors
from brobygger.people.models import YoungPerson
from brobygger.staircase.models import Activity

from .models import Review

FAR_PAST = date(1900, 1, 1)
SHOWN = 15  # rows per agenda list (what a meeting gets through); each says how many it has in all


def previous_review(review):
    return Review.objects.filter(starts_at__lt=review.starts_at).order_by("-starts_at").first()


def no_contact(organisation, today, days, shown=SHOWN):
    """Young people whose pathway has not ended with no conversation or follow-up contact for `days`
    days, oldest contact first (never first of all), and how many in all. One query; those with a
    contact since the cutoff are left out first, so only the rows kept look up their latest contact."""
    cutoff = today - timedelta(days=days)
    quiet = (
        YoungPerson.objects.filter(organisation=organisation)
        .exclude(pk__in=pathway_selectors.young_people_with_ended_pathway())
        .exclude(pk__in=note_selectors.young_people_noted_since(cutoff))
        .exclude(pk__in=followup_selectors.young_people_contacted_since(cutoff))
        .annotate(
            last_contact=Greatest(
                Coalesce(note_selectors.last_note_day(), Value(FAR_PAST)),
                Coalesce(followup_selectors.last_contact_day(), Value(FAR_PAST)),
                output_field=DateField(),
            )
        )
        .only("pk", "organisation", "first_name", "last_name", "birth_date")
        .order_by("last_contact", "first_name", "pk")
    )
    rows = first_of(quiet, shown)
    for young_person in rows:
        if young_person.last_contact == FAR_PAST:
            young_person.last_contact = None
    return rows


def _joined_in(organisation):
    """The scope filters only the queried table; naming the organisation on the joined ones too
    lets PostgreSQL read them by index instead of hashing every organisation's rows (EXPLAIN)."""
    return {"young_person__organisation": organisation, "plan__organisation": organisation}


def _named(relation, *more):
    """The columns a row needs to show a related person by name (the rest are left unread)."""
    return (relation, *(f"{relation}__{field}" for field in ("first_name", "last_name", *more)))


def since_when(review, today):
    """The agenda covers what happened since the previous review (or the last 30 days)."""
    previous = previous_review(review)
    return previous.starts_at.date() if previous else today - timedelta(days=30)


def _distribute(review, today, since, shown):
    to_distribute = people_selectors.without_counsellor(YoungPerson.objects.all()).order_by("referral_date")
    to_distribute = to_distribute.only("pk", "organisation", "first_name", "last_name", "birth_date", "referral_date")
    return {"to_distribute": first_of(to_distribute, shown), "caseloads": list(people_selectors.caseload_counts())}


def _no_contact(review, today, since, shown):
    days = review.organisation.review_no_contact_days
    return {"no_contact": no_contact(review.organisation, today, days, shown), "no_contact_days": days}


def _ended(review, today, since, shown):
    activities = (
        Activity.objects.filter(state=Activity.State.ENDED, ended_on__gte=since)
        .select_related("young_person")
        .only("title", "ended_on", "learned", *_named("young_person", "birth_date"))
        .order_by("-ended_on", "pk")
    )
    return {"ended": first_of(activities, shown), "since": since}


def _overdue(review, today, since, shown):
    organisation = review.organisation
    contacts = (
        FollowUpContact.objects.filter(done_on__isnull=True, due_on__lt=today, plan__closed_on__isnull=True)
        .filter(**_joined_in(organisation))
        .select_related("young_person", "plan__responsible")
        .only("due_on", *_named("young_person", "birth_date"), "plan", *_named("plan__responsible", "email"))
        .order_by("due_on", "pk")
    )
    checks = (
        StatusCheck.objects.filter(done_on__isnull=True, due_on__lt=today)
        .filter(**_joined_in(organisation))
        .select_related("young_person")
        .only("due_on", "months_after", *_named("young_person", "birth_date"))
        .order_by("due_on", "pk")
    )
    return {"overdue_contacts": first_of(contacts, shown), "overdue_checks": first_of(checks, shown)}


def _attentions(review, today, since, shown):
    return {"attentions": first_of(open_attentions().order_by("-created_at", "pk"), shown)}


def _decisions(review, today, since, shown):
    return {"decisions": list(review.decisions.select_related("young_person", "decided_by"))}


# The agenda's lists, in the order the meeting goes through them.
AGENDA = {
    "distribute": _distribute,
    "no_contact": _no_contact,
    "ended": _ended,
    "overdue": _overdue,
    "attentions": _attentions,
    "decisions": _decisions,
}


def agenda(review, today=None, shown=SHOWN):
    """The agenda builds itself from the data: every list of it, the first `shown` rows of each
    (None: all of them)."""
    today = today or timezone.localdate()
    since = since_when(review, today)
    lists = {"since": since}
    for build in AGENDA.values():
        lists.update(build(review, today, since, shown))
    return lists


def people_on(agenda):
    """Every young person the agenda (or one part of it) names, once, in the order they appear."""
    named = [*agenda.get("to_distribute", ()), *agenda.get("no_contact", ())]
    rows = ("ended", "overdue_contacts", "overdue_checks", "attentions", "decisions")
    named += [row.young_person for key in rows for row in agenda.get(key, ())]
    return list({yp.pk: yp for yp in named}.values())


def reviews():
    return Review.objects.select_related("led_by")
