from datetime import date, timedelta

from django.db.models import DateField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from brobygger.conversations.models import Note
from brobygger.followup.models import FollowUpContact, StatusCheck
from brobygger.outcomes.selectors import open_attentions
from brobygger.pathways.models import Pathway
from brobygger.people import selectors as people_selectors
from brobygger.people.models import YoungPerson
from brobygger.staircase.models import Activity
from brobygger.web.lists import first_of

from .models import Review

FAR_PAST = date(1900, 1, 1)
SHOWN = 50  # rows per agenda list; the page says how many the list has in all


def previous_review(review):
    return Review.objects.filter(starts_at__lt=review.starts_at).order_by("-starts_at").first()


def _latest(queryset, field):
    return Subquery(queryset.filter(young_person=OuterRef("pk")).order_by(f"-{field}").values(field)[:1])


def no_contact(organisation, today, days, shown=SHOWN):
    """Young people in an open pathway with no note or follow-up contact for `days` days, oldest
    contact first (never first of all). One query: the latest of each per young person, compared
    in the database, so the page costs the same with 50 or 50,000 young people."""
    cutoff = today - timedelta(days=days)
    never = Value(FAR_PAST, output_field=DateField())
    ended = Pathway.objects.filter(state=Pathway.State.ENDED).values("young_person_id")
    last = Greatest(
        Coalesce(_latest(Note.objects.all(), "conversation_date"), never),
        Coalesce(_latest(FollowUpContact.objects.filter(done_on__isnull=False), "done_on"), never),
    )
    rows = first_of(
        YoungPerson.objects.filter(organisation=organisation)
        .exclude(pk__in=ended)
        .annotate(last=last)
        .filter(last__lt=cutoff)
        .order_by("last", "first_name", "pk")
        .only("pk", "first_name", "last_name"),
        shown,
    )
    for young_person in rows:
        young_person.last_contact = None if young_person.last == FAR_PAST else young_person.last
    return rows


def _joined_in(organisation):
    """The scope filters only the queried table; naming the organisation on the joined ones too
    lets PostgreSQL read them by index instead of hashing every organisation's rows (EXPLAIN)."""
    return {"young_person__organisation": organisation, "plan__organisation": organisation}


def _named(relation, *more):
    """The columns a row needs to show a related person by name (the rest are left unread)."""
    return (relation, *(f"{relation}__{field}" for field in ("first_name", "last_name", *more)))


def agenda(review, today=None):
    """The agenda builds itself from the data."""
    today = today or timezone.localdate()
    organisation = review.organisation
    previous = previous_review(review)
    since = previous.starts_at.date() if previous else today - timedelta(days=30)
    to_distribute = people_selectors.without_counsellor(YoungPerson.objects.all()).order_by("referral_date")
    to_distribute = to_distribute.only("pk", "organisation", "first_name", "last_name", "referral_date")
    return {
        "since": since,
        "to_distribute": first_of(to_distribute, SHOWN),
        "caseloads": list(people_selectors.caseload_counts()),
        "no_contact": no_contact(organisation, today, organisation.review_no_contact_days),
        "no_contact_days": organisation.review_no_contact_days,
        "ended": first_of(
            Activity.objects.filter(state=Activity.State.ENDED, ended_on__gte=since)
            .select_related("young_person")
            .only("title", "ended_on", "learned", *_named("young_person"))
            .order_by("-ended_on", "pk"),
            SHOWN,
        ),
        "overdue_contacts": first_of(
            FollowUpContact.objects.filter(done_on__isnull=True, due_on__lt=today, plan__closed_on__isnull=True)
            .filter(**_joined_in(organisation))
            .select_related("young_person", "plan__responsible")
            .only("due_on", *_named("young_person"), "plan", *_named("plan__responsible", "email"))
            .order_by("due_on", "pk"),
            SHOWN,
        ),
        "overdue_checks": first_of(
            StatusCheck.objects.filter(done_on__isnull=True, due_on__lt=today)
            .filter(**_joined_in(organisation))
            .select_related("young_person")
            .only("due_on", "months_after", *_named("young_person"))
            .order_by("due_on", "pk"),
            SHOWN,
        ),
        "decisions": list(review.decisions.select_related("young_person", "decided_by")),
        "attentions": first_of(open_attentions().order_by("-created_at", "pk"), SHOWN),
    }


def people_on(agenda):
    """Every young person the agenda names, once, in the order they appear."""
    named = [*agenda["to_distribute"], *agenda["no_contact"]]
    named += [
        row.young_person for key in ("ended", "overdue_contacts", "overdue_checks", "attentions") for row in agenda[key]
    ]
    named += [decision.young_person for decision in agenda["decisions"]]
    return list({yp.pk: yp for yp in named}.values())


def reviews():
    return Review.objects.select_related("led_by")
