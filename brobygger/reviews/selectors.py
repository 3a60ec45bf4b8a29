from datetime import timedelta

from django.db.models import DateField, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from brobygger.conversations.models import Note
from brobygger.followup.models import FollowUpContact, StatusCheck
from brobygger.pathways.models import Pathway
from brobygger.people import selectors as people_selectors
from brobygger.people.models import YoungPerson
from brobygger.staircase.models import Activity

from .models import Review

FAR_PAST = timezone.datetime(1900, 1, 1).date()


def previous_review(review):
    return Review.objects.filter(starts_at__lt=review.starts_at).order_by("-starts_at").first()


def _latest(model, field):
    return Subquery(
        model.objects.filter(young_person_id=OuterRef("pk"))
        .order_by()
        .values("young_person_id")
        .annotate(d=Max(field))
        .values("d"),
        output_field=DateField(),
    )


def no_contact(organisation, today, days):
    """Young people in an open pathway with no note or follow-up contact for `days` days."""
    cutoff = today - timedelta(days=days)
    ended = Pathway.objects.filter(state=Pathway.State.ENDED).values("young_person_id")
    people = (
        YoungPerson.objects.exclude(pk__in=ended)
        .annotate(
            last_contact=Greatest(
                Coalesce(_latest(Note, "conversation_date"), FAR_PAST),
                Coalesce(_latest(FollowUpContact, "done_on"), FAR_PAST),
            )
        )
        .filter(last_contact__lt=cutoff)
        .order_by("last_contact", "first_name")
    )
    return people


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
    }


def counsellors():
    from brobygger.tenancy.models import Membership, Role

    return Membership.objects.filter(role=Role.COUNSELLOR).select_related("user").order_by("user__first_name")


def reviews():
    return Review.objects.select_related("led_by")
