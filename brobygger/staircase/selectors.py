from datetime import timedelta
from decimal import Decimal

from django.db.models import Sum

from .models import PLACEMENT_KINDS, Activity, Attendance, LearningPlan, MentorMessage, Talent

RUNNING = (Activity.State.ACCEPTED, Activity.State.ACTIVE)


def for_young_person(young_person):
    return Activity.objects.filter(young_person=young_person).select_related("company", "learning_plan")


def listed_for_young_person(young_person):
    """The young person's activities with what their page's list shows of them."""
    shown = ("title", "kind", "company__name", "starts_on", "hours_per_week", "dream_distance", "state")
    return Activity.objects.filter(young_person=young_person).select_related("company").only("organisation", *shown)


def proposed(young_person):
    return for_young_person(young_person).filter(state=Activity.State.PROPOSED)


def learning_plan_of(activity):
    return LearningPlan.objects.filter(activity=activity).select_related("written_by").first()


def attendance_of(activity):
    return Attendance.objects.filter(activity=activity).select_related("registered_by")


def hours_total(activity):
    total = Attendance.objects.filter(activity=activity, present=True).aggregate(h=Sum("hours"))["h"]
    return total or Decimal(0)


def messages_of(activity):
    return MentorMessage.objects.filter(activity=activity).select_related("author")


def with_today(queryset, day):
    """Activities for the mentor's list (what the list shows of them), each with today's
    attendance, if any."""
    shown = ("title", "kind", "organisation", "young_person__first_name", "young_person__last_name")
    rows = list(queryset.select_related("young_person").only(*shown))
    attended = Attendance.objects.filter(activity__in=rows, day=day).only("activity", "hours")
    today = {a.activity_id: a for a in attended}
    for activity in rows:
        activity.today = today.get(activity.pk)
    return rows


def talents_for_team_member(user, limit=10):
    """New talents spotted for young people on this user's team."""
    from brobygger.people.models import TeamMember

    on_team = TeamMember.objects.filter(user=user).values("young_person_id")
    return (
        Talent.objects.filter(young_person_id__in=on_team)
        .exclude(spotted_by=user)
        .select_related("young_person", "spotted_by", "suggested_offer__company")[:limit]
    )


def talents_of(young_person):
    shown = ("talent", "suggestion", "created_at", *(f"spotted_by__{f}" for f in ("first_name", "last_name", "email")))
    return Talent.objects.filter(young_person=young_person).select_related("spotted_by").only("organisation", *shown)


def recently_ended_placements(activities, today, days=120):
    """Placements among `activities` that ended in the last `days` days, newest first."""
    return (
        activities.filter(
            state=Activity.State.ENDED, kind__in=PLACEMENT_KINDS, ended_on__gte=today - timedelta(days=days)
        )
        .select_related("young_person")
        .order_by("-ended_on")
    )
