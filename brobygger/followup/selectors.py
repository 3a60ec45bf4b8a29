from datetime import timedelta

from django.utils import timezone

from .models import FollowUpContact, FollowUpPlan, StatusCheck

SOON_DAYS = 7
HOME_SHOWS = 8
PAGE_SHOWS = 40


def due_for(user, today=None, soon_days=SOON_DAYS):
    """Contacts and status checks this professional is responsible for that are
    due within `soon_days` or overdue, oldest first."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=soon_days)
    contacts = (
        FollowUpContact.objects.filter(
            plan__responsible=user, done_on__isnull=True, due_on__lte=horizon, plan__closed_on__isnull=True
        )
        .select_related("young_person")
        .order_by("due_on")
    )
    checks = (
        StatusCheck.objects.filter(plan__responsible=user, done_on__isnull=True, due_on__lte=horizon)
        .select_related("young_person")
        .order_by("due_on")
    )
    return list(contacts), list(checks)


def first(items, count):
    """The `count` most urgent (the lists are oldest first) and how many more there are."""
    return items[:count], max(0, len(items) - count)


def plans_of(young_person):
    return FollowUpPlan.objects.filter(young_person=young_person).select_related("responsible", "outcome")


def contacts_of(young_person):
    return FollowUpContact.objects.filter(young_person=young_person).select_related("plan")


def checks_of(young_person):
    return StatusCheck.objects.filter(young_person=young_person).select_related("status")


def overdue(queryset, today=None):
    return queryset.filter(done_on__isnull=True, due_on__lt=today or timezone.localdate())


def feed_items(user):
    """Open follow-ups of this professional in every organisation (for the calendar feed)."""
    contacts = FollowUpContact.objects.filter(
        plan__responsible=user, done_on__isnull=True, plan__closed_on__isnull=True
    )
    checks = StatusCheck.objects.filter(plan__responsible=user, done_on__isnull=True)
    return list(contacts.select_related("young_person")), list(checks.select_related("young_person"))
