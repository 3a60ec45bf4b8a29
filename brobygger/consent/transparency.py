from django.utils.translation import gettext_lazy as _

from brobygger.portal.registry import register

from .models import Consent
from .selectors import history_for

register(
    Consent,
    key="consents",
    title=_("What you share, and with whom"),
    rows=history_for,
    template="portal/sections/consents.html",
    order=30,
)
