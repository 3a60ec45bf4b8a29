from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from brobygger.followup.models import FollowUpContact, StatusCheck
from brobygger.outcomes.selectors import open_attentions
from brobygger.pathways.models import Pathway
from brobygger.people import selectors as people_selectors
from brobygger.people.models import YoungPerson
from brobygger.staircase.models import Activity
from brobygger.tenancy.sql import as_date, scoped_organisation
from brobygger.web.lists import Listed, first_of

from .models import Review

FAR_PAST = date(1900, 1, 1)
SHOWN = 15  # rows per agenda list (what a meeting gets through); each says how many it has in all


def previous_review(review):
    return Review.objects.filter(starts_at__lt=review.starts_at).order_by("-starts_at").first()


# Written out by hand: the same question through the ORM cost more in building and compiling
# (1.6 ms) than in running (1.3 ms), on the agenda's heaviest list. Plain SQL that PostgreSQL and
# SQLite both read; every table is filtered by the organisation, which must be the active scope.
NO_CONTACT_SQL = """
SELECT id, first_name, last_name, organisation_id,
       CASE WHEN last_note > last_done THEN last_note ELSE last_done END AS last_contact, in_all
FROM (
  SELECT yp.id, yp.first_name, yp.last_name, yp.organisation_id,
         COALESCE((SELECT MAX(n.conversation_date) FROM conversations_note n
                   WHERE n.organisation_id = %s AND n.young_person_id = yp.id), %s) AS last_note,
         COALESCE((SELECT MAX(c.done_on) FROM followup_followupcontact c
                   WHERE c.organisation_id = %s AND c.young_person_id = yp.id AND c.done_on IS NOT NULL), %s)
           AS last_done,
         COUNT(*) OVER () AS in_all
  FROM people_youngperson yp
  WHERE yp.organisation_id = %s
    AND yp.id NOT IN (SELECT p.young_person_id FROM pathways_pathway p
                      WHERE p.organisation_id = %s AND p.state = %s)
    AND yp.id NOT IN (SELECT n.young_person_id FROM conversations_note n
                      WHERE n.organisation_id = %s AND n.conversation_date >= %s)
    AND yp.id NOT IN (SELECT c.young_person_id FROM followup_followupcontact c
                      WHERE c.organisation_id = %s AND c.done_on >= %s)
) latest
ORDER BY last_contact, first_name, id
LIMIT %s
"""


def no_contact(organisation, today, days, shown=SHOWN):
    """Young people in an open pathway with no note or follow-up contact for `days` days, oldest
    contact first (never first of all), and how many in all. One query: those with a contact since
    the cutoff are left out by hashed lists of the organisation's recent notes and contacts, and
    only the rows kept look up their latest contact, so the list costs the same with 50 or 50,000
    young people."""
    org = scoped_organisation(organisation)
    cutoff = today - timedelta(days=days)
    with connection.cursor() as cursor:
        never, since = (connection.ops.adapt_datefield_value(day) for day in (FAR_PAST, cutoff))
        cursor.execute(
            NO_CONTACT_SQL,
            [org, never, org, never, org, org, Pathway.State.ENDED, org, since, org, since, shown],
        )
        found = cursor.fetchall()
    key = YoungPerson._meta.pk
    people = [
        YoungPerson(pk=key.to_python(pk), first_name=first, last_name=last, organisation_id=organisation.pk)
        for pk, first, last, *_ in found
    ]
    rows = Listed(people, found[0][-1] if found else 0)
    for young_person, (*_, last_contact, _in_all) in zip(rows, found, strict=True):
        day = as_date(last_contact)
        young_person.last_contact = None if day == FAR_PAST else day
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


def _distribute(review, today):
    to_distribute = people_selectors.without_counsellor(YoungPerson.objects.all()).order_by("referral_date")
    to_distribute = to_distribute.only("pk", "organisation", "first_name", "last_name", "referral_date")
    return {"to_distribute": first_of(to_distribute, SHOWN), "caseloads": list(people_selectors.caseload_counts())}


def _no_contact(review, today):
    days = review.organisation.review_no_contact_days
    return {"no_contact": no_contact(review.organisation, today, days), "no_contact_days": days}


def _ended(review, today):
    since = since_when(review, today)
    activities = (
        Activity.objects.filter(state=Activity.State.ENDED, ended_on__gte=since)
        .select_related("young_person")
        .only("title", "ended_on", "learned", *_named("young_person"))
        .order_by("-ended_on", "pk")
    )
    return {"ended": first_of(activities, SHOWN), "since": since}


def _overdue(review, today):
    organisation = review.organisation
    contacts = (
        FollowUpContact.objects.filter(done_on__isnull=True, due_on__lt=today, plan__closed_on__isnull=True)
        .filter(**_joined_in(organisation))
        .select_related("young_person", "plan__responsible")
        .only("due_on", *_named("young_person"), "plan", *_named("plan__responsible", "email"))
        .order_by("due_on", "pk")
    )
    checks = (
        StatusCheck.objects.filter(done_on__isnull=True, due_on__lt=today)
        .filter(**_joined_in(organisation))
        .select_related("young_person")
        .only("due_on", "months_after", *_named("young_person"))
        .order_by("due_on", "pk")
    )
    return {"overdue_contacts": first_of(contacts, SHOWN), "overdue_checks": first_of(checks, SHOWN)}


def _attentions(review, today):
    return {"attentions": first_of(open_attentions().order_by("-created_at", "pk"), SHOWN)}


def _decisions(review, today):
    return {"decisions": list(review.decisions.select_related("young_person", "decided_by"))}


# The agenda's lists, each a part of the review's page with its own address (brobygger.web.parts).
PARTS = {
    "distribute": _distribute,
    "no_contact": _no_contact,
    "ended": _ended,
    "overdue": _overdue,
    "attentions": _attentions,
    "decisions": _decisions,
}


def agenda_part(review, key, today=None):
    return PARTS[key](review, today or timezone.localdate())


def agenda(review, today=None):
    """The agenda builds itself from the data: every list of it."""
    today = today or timezone.localdate()
    lists = {}
    for build in PARTS.values():
        lists.update(build(review, today))
    return lists


def people_on(agenda):
    """Every young person the agenda (or one part of it) names, once, in the order they appear."""
    named = [*agenda.get("to_distribute", ()), *agenda.get("no_contact", ())]
    rows = ("ended", "overdue_contacts", "overdue_checks", "attentions", "decisions")
    named += [row.young_person for key in rows for row in agenda.get(key, ())]
    return list({yp.pk: yp for yp in named}.values())


def reviews():
    return Review.objects.select_related("led_by")
