from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import plain, register

from .models import Consent
from .selectors import history_for

register(
    Consent,
    key="consents",
    title=_("What you share, and with whom"),
    rows=history_for,
    template="portal/sections/consents.html",
    export=lambda c: {
        "recipient": str(c.recipient),
        "categories": plain(c.category_labels()),
        "text version": c.text_version,
        "given": plain(c.given_at),
        "withdrawn": plain(c.withdrawn_at),
    },
    order=70,
)
