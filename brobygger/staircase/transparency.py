from django.utils.translation import gettext_lazy as _

from brobygger.portal.registry import exporter, register

from .models import Activity

register(
    Activity,
    key="activities",
    title=_("Activities"),
    rows=lambda yp: Activity.objects.filter(young_person=yp).select_related("company"),
    template="portal/sections/activities.html",
    export=exporter("kind", "title", "company", "starts_on", "hours_per_week", "dream_distance", "state"),
    order=20,
)
