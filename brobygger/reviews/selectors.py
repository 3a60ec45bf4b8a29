from datetime import date, timedelta

from django.db.models import Max
from django.utils import timezone

from brobygger.conversations.models import Note
from brobygger.followup.models import FollowUpContact, StatusCheck
from brobygger.outcomes.selectors import open_attentions
from brobygger.pathways.models import Pathway
from brobygger.people import selectors as people_selectors
from brobygger.people.models import YoungPerson
from brobygger.staircase.models import Activity

from .models import Review

FAR_PAST = date(1900, 1, 1)


def previous_review(review):
    return Review.objects.filter(starts_at__lt=review.starts_at).order_by("-starts_at").first()


def _latest_per_young_person(queryset, field):
    return dict(
        queryset.order_by().values("young_person_id").annotate(d=Max(field)).values_list("young_person_id", "d")
    )


def no_contact(organisation, today, days):
    """Young people in an open pathway with no note or follow-up contact for
    `days` days, oldest contact first: two grouped queries joined in Python."""
    cutoff = today - timedelta(days=days)
    ended = Pathway.objects.filter(state=Pathway.State.ENDED).values("young_person_id")
    notes = _latest_per_young_person(Note.objects.all(), "conversation_date")
    contacts = _latest_per_young_person(FollowUpContact.objects.filter(done_on__isnull=False), "done_on")
    rows = []
    for young_person in YoungPerson.objects.exclude(pk__in=ended).only("pk", "first_name", "last_name"):
        last = max(filter(None, (notes.get(young_person.pk), contacts.get(young_person.pk))), default=None)
        if last is None or last < cutoff:
            young_person.last_contact = last
            rows.append(young_person)
    return sorted(rows, key=lambda yp: (yp.last_contact or FAR_PAST, yp.first_name))


def agenda(review, today=None):
    """The agenda builds itself from the data."""
    today = today or timezone.localdate()
    organisation = review.organisation
    previous = previous_review(review)
    since = previous.starts_at.date() if previous else today - timedelta(days=30)
    to_distribute = people_selectors.without_counsellor(YoungPerson.objects.all()).order_by("referral_date")
    return {
        "since": since,
        "to_distribute": list(to_distribute[:50]),
        "caseloads": list(people_selectors.caseload_counts()),
        "no_contact": list(no_contact(organisation, today, organisation.review_no_contact_days)[:50]),
        "no_contact_days": organisation.review_no_contact_days,
        "ended": list(
            Activity.objects.filter(state=Activity.State.ENDED, ended_on__gte=since)
            .select_related("young_person", "company")
            .order_by("-ended_on")[:50]
        ),
        "overdue_contacts": list(
            FollowUpContact.objects.filter(done_on__isnull=True, due_on__lt=today, plan__closed_on__isnull=True)
            .select_related("young_person", "plan__responsible")
            .order_by("due_on")[:50]
        ),
        "overdue_checks": list(
            StatusCheck.objects.filter(done_on__isnull=True, due_on__lt=today)
            .select_related("young_person", "plan__responsible")
            .order_by("due_on")[:50]
        ),
        "decisions": list(review.decisions.select_related("young_person", "decided_by")),
        "attentions": list(open_attentions()[:50]),
    }


def people_on(agenda):
    """Every young person the agenda names, once, in the order they appear."""
    named = [*agenda["to_distribute"], *agenda["no_contact"]]
    named += [
        row.young_person for key in ("ended", "overdue_contacts", "overdue_checks", "attentions") for row in agenda[key]
    ]
    named += [decision.young_person for decision in agenda["decisions"]]
    return list({yp.pk: yp for yp in named}.values())


def counsellors():
    from brobygger.tenancy.models import Membership, Role

    return Membership.objects.filter(role=Role.COUNSELLOR).select_related("user").order_by("user__first_name")


def reviews():
    return Review.objects.select_related("led_by")
