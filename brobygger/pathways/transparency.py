from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import exporter, register

from .models import Pathway, PlanStep, StatusEntry, Wish
from .selectors import status_as_read, steps

register(
    Pathway,
    key="pathway",
    title=_("Your pathway"),
    rows=lambda yp: Pathway.objects.filter(young_person=yp),
    template="portal/sections/pathway.html",
    export=exporter("state", "phase", "accepted_on", "accepted_how", "dream", "livelihood", "ended_on", "end_reason"),
    order=10,
)
register(
    PlanStep,
    key="plan",
    title=_("Your plan"),
    rows=steps,
    template="portal/sections/plan.html",
    export=exporter("track", "goal", "due", "helper", "helper_text", "dream_distance", "done_at"),
    order=15,
)
register(
    StatusEntry,
    key="status",
    title=_("Your status over time"),
    rows=status_as_read,
    template="portal/sections/status.html",
    export=exporter("valid_from", "activity", "income", "note"),
    order=40,
)
register(
    Wish,
    key="wishes",
    title=_("Your wishes for activities"),
    rows=lambda yp: yp.wishes.all(),
    template="portal/sections/wishes.html",
    export=exporter("kind", "text", "created_at"),
    order=35,
)
