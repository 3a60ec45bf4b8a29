from datetime import timedelta

from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from brobygger.core import tokens
from brobygger.core.lists import first_of

from .models import FeedToken, FollowUpContact, FollowUpPlan, HowItGoes, StatusCheck

SOON_DAYS = 7
HOME_SHOWS = 4  # each row is tall (its quick answers): four fill a phone screen
PAGE_SHOWS = 5  # the most urgent first (each row is tall); "Vis flere" shows all of them


def due_for(user, today=None, soon_days=SOON_DAYS):
    """Contacts and status checks this professional is responsible for that are
    due within `soon_days` or overdue, oldest first."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=soon_days)
    open_due = FollowUpContact.objects.filter(
        plan__responsible=user, done_on__isnull=True, due_on__lte=horizon, plan__closed_on__isnull=True
    )
    contacts = (
        _one_per_young_person(open_due).select_related("young_person").only(*NAMED_ROW).order_by("oldest_due", "pk")
    )
    checks = (
        StatusCheck.objects.filter(plan__responsible=user, done_on__isnull=True, due_on__lte=horizon)
        .select_related("young_person")
        .only(*NAMED_ROW, "months_after")
        .order_by("due_on", "pk")
    )
    return contacts, list(checks)


def _one_per_young_person(open_due):
    """One row per young person: their latest due contact (recording it settles the earlier ones),
    with how many are due (`backlog`) and the oldest due date (`oldest_due`), so that one young
    person's backlog is one item and never pushes the others down the list."""
    same_person = open_due.filter(young_person=OuterRef("young_person"))
    latest = same_person.order_by("-due_on", "-pk").values("pk")[:1]
    count = same_person.order_by().values("young_person").annotate(n=Count("pk")).values("n")
    oldest = same_person.order_by("due_on").values("due_on")[:1]
    return open_due.filter(pk=Subquery(latest)).annotate(backlog=Subquery(count), oldest_due=Subquery(oldest))


# What a due list shows: the date and the young person's name and link.
NAMED_ROW = (
    "due_on",
    "young_person",
    "young_person__id",
    "young_person__first_name",
    "young_person__last_name",
    "young_person__birth_date",
)


def first(contacts, count):
    """The `count` most urgent (the list is oldest first) and how many more there are: a counsellor
    far behind has hundreds due, and the page reads only what it shows."""
    shown = first_of(contacts, count)
    return shown, shown.more


def how_it_goes_choices():
    """The answers a reached contact offers, translated once for all the list's rows."""
    return [(value, str(label)) for value, label in HowItGoes.choices]


def open_plan(young_person, today=None):
    """The young person's running follow-up plan, with its next contact due (`next_due`), how many
    are overdue (`overdue_count`), the one to record today (`due_contact`) and the next status check
    (`next_check`); None without one."""
    today = today or timezone.localdate()
    open_contacts = FollowUpContact.objects.filter(plan=OuterRef("pk"), done_on__isnull=True)
    open_checks = StatusCheck.objects.filter(plan=OuterRef("pk"), done_on__isnull=True)
    return (
        FollowUpPlan.objects.filter(young_person=young_person, closed_on__isnull=True)
        .select_related("responsible", "outcome")
        .annotate(
            next_due=Subquery(open_contacts.order_by("due_on").values("due_on")[:1]),
            overdue_count=Subquery(
                open_contacts.filter(due_on__lt=today).order_by().values("plan").annotate(n=Count("pk")).values("n")
            ),
            next_check=Subquery(open_checks.order_by("due_on").values("due_on")[:1]),
            # The contact to record today (the latest that is due; recording it settles the earlier ones).
            due_contact=Subquery(open_contacts.filter(due_on__lte=today).order_by("-due_on").values("pk")[:1]),
        )
        .first()
    )


def plans_of(young_person):
    return FollowUpPlan.objects.filter(young_person=young_person).select_related("responsible", "outcome")


def contacts_of(young_person):
    return FollowUpContact.objects.filter(young_person=young_person).select_related("plan")


def checks_of(young_person):
    return StatusCheck.objects.filter(young_person=young_person).select_related("status")


def overdue(queryset, today=None):
    return queryset.filter(done_on__isnull=True, due_on__lt=today or timezone.localdate())


def feed_items(user, organisation_ids):
    """Open follow-ups of this professional in the organisations where they still work (for the
    calendar feed)."""
    contacts = FollowUpContact.objects.filter(
        organisation_id__in=organisation_ids, plan__responsible=user, done_on__isnull=True, plan__closed_on__isnull=True
    )
    checks = StatusCheck.objects.filter(
        organisation_id__in=organisation_ids, plan__responsible=user, done_on__isnull=True
    )
    return list(contacts.select_related("young_person")), list(checks.select_related("young_person"))


def young_people_contacted_since(day):
    """The young people a follow-up contact was made with on `day` or after (ids, for a subquery)."""
    return FollowUpContact.objects.filter(done_on__gte=day).values("young_person_id")


def last_contact_day():
    """The day of the latest follow-up contact made with the young person of the outer row (a subquery)."""
    latest_first = FollowUpContact.objects.filter(young_person=OuterRef("pk"), done_on__isnull=False)
    return Subquery(latest_first.order_by("-done_on").values("done_on")[:1])


def feed_owner(token):
    """The calendar feed a token names, with its owner, in any organisation (the token is the secret)."""
    return FeedToken.objects.filter(token_hash=tokens.digest(token)).select_related("user").first()


def has_feed(user):
    return FeedToken.objects.filter(user=user).exists()
