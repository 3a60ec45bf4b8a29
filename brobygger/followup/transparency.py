from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import exporter, register

from .models import FollowUpContact, FollowUpPlan, StatusCheck

register(
    FollowUpPlan,
    key="followup_plans",
    title=_("Follow-up after you started"),
    rows=lambda yp: FollowUpPlan.objects.filter(young_person=yp).select_related("responsible", "outcome"),
    template="portal/sections/followup_plans.html",
    export=exporter("outcome", "exit_on", "responsible", "interval_days", "months", "closed_on"),
    order=41,
)
register(
    FollowUpContact,
    key="followup_contacts",
    title=_("Our follow-up contacts with you"),
    rows=lambda yp: FollowUpContact.objects.filter(young_person=yp, done_on__isnull=False, lapsed=False),
    template="portal/sections/followup_contacts.html",
    export=exporter("due_on", "done_on", "reached", "how_it_goes", "note"),
    order=42,
    preview=5,
)
register(
    StatusCheck,
    key="status_checks",
    title=_("Status checks after you started"),
    rows=lambda yp: StatusCheck.objects.filter(young_person=yp).select_related("status"),
    template="portal/sections/status_checks.html",
    export=exporter("months_after", "due_on", "done_on", "status", "unknown"),
    order=43,
)
