from django.utils.translation import gettext_lazy as _

from brobygger.portal.registry import register

from .models import AccessLog

# The young person sees dates, actions and purposes of every look-up, but not
# the staff member's name (EDPB Guidelines 01/2022 on the right of access).
register(
    AccessLog,
    key="access_log",
    title=_("When your information was used, and why"),
    # Across organisations: another organisation that the young person shared
    # with also leaves its look-ups here.
    rows=lambda yp: (
        AccessLog.objects.with_scopes_disabled().filter(subject=yp).only("at", "action", "purpose", "object_kind")[:200]
    ),
    template="portal/sections/access_log.html",
    order=90,
)
