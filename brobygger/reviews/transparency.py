from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import plain, register

from .models import Decision

register(
    Decision,
    key="decisions",
    title=_("Decisions about you at our case reviews"),
    rows=lambda yp: Decision.objects.filter(young_person=yp).select_related("review"),
    template="portal/sections/decisions.html",
    export=lambda d: {"review": plain(d.review.starts_at), "decision": d.text},
    order=47,
)
