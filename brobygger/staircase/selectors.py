from datetime import timedelta
from decimal import Decimal

from django.db.models import Sum

from .models import PLACEMENT_KINDS, Activity, Attendance, LearningPlan, MentorMessage, Talent

RUNNING = (Activity.State.ACCEPTED, Activity.State.ACTIVE)


def for_young_person(young_person):
    return Activity.objects.filter(young_person=young_person).select_related("company", "learning_plan")


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
    """Activities for the mentor's list, each with today's attendance (if any) and its plan."""
    rows = list(queryset.select_related("young_person", "company", "learning_plan"))
    today = {a.activity_id: a for a in Attendance.objects.filter(activity__in=rows, day=day)}
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
    return Talent.objects.filter(young_person=young_person).select_related("spotted_by", "suggested_offer__company")


def recently_ended_placements(activities, today, days=120):
    """Placements among `activities` that ended in the last `days` days, newest first."""
    return (
        activities.filter(
            state=Activity.State.ENDED, kind__in=PLACEMENT_KINDS, ended_on__gte=today - timedelta(days=days)
        )
        .select_related("young_person")
        .order_by("-ended_on")
    )
