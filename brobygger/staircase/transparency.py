from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import exporter, register

from .models import Activity, Attendance, LearningPlan, MentorMessage, Talent

register(
    Activity,
    key="activities",
    title=_("Activities"),
    rows=lambda yp: Activity.objects.filter(young_person=yp).select_related("company"),
    template="portal/sections/activities.html",
    export=exporter("kind", "title", "company", "starts_on", "hours_per_week", "dream_distance", "state"),
    order=20,
)


register(
    LearningPlan,
    key="learning_plans",
    title=_("Your learning plans"),
    rows=lambda yp: LearningPlan.objects.filter(young_person=yp).select_related("activity"),
    template="portal/sections/learning_plans.html",
    export=exporter(
        "activity",
        "goals",
        "tasks",
        "expectations_young_person",
        "expectations_company",
        "accommodations",
        "hours_per_day",
        "accepted_at",
    ),
    order=21,
)
register(
    Attendance,
    key="attendance",
    title=_("Your days at placements"),
    rows=lambda yp: Attendance.objects.filter(young_person=yp).select_related("activity"),
    template="portal/sections/attendance.html",
    export=exporter("activity", "day", "present", "hours"),
    order=22,
    preview=5,
)
register(
    Talent,
    key="talents",
    title=_("Talents we have seen in you"),
    rows=lambda yp: Talent.objects.filter(young_person=yp).select_related("spotted_by"),
    template="portal/sections/talents.html",
    export=exporter("talent", "suggestion", "created_at"),
    order=23,
)
register(
    MentorMessage,
    key="mentor_messages",
    title=_("What your mentors have written"),
    rows=lambda yp: MentorMessage.objects.filter(young_person=yp).select_related("author", "activity"),
    template="portal/sections/mentor_messages.html",
    export=exporter("activity", "text", "created_at"),
    order=24,
)
