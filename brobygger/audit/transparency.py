from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import forgets, plain, register

from .models import AccessLog
from .services import erase_subject

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
    # Dates and purposes, never the staff member's name.
    export=lambda r: {
        "when": plain(r.at),
        "what": r.get_action_display(),
        "why": r.get_purpose_display(),
        "in their words": r.purpose_text,
    },
    order=90,
    preview=5,
)

forgets(erase_subject)
