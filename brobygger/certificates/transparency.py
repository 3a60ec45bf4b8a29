from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import exporter, register

from .models import Certificate

register(
    Certificate,
    key="certificates",
    title=_("Your learning certificates"),
    rows=lambda yp: Certificate.objects.filter(young_person=yp).select_related("activity"),
    template="portal/sections/certificates.html",
    export=exporter(
        "title", "state", "tasks", "skills", "mentor_statement", "hours", "signed_name", "issued_at", "revoked_reason"
    ),
    order=25,
)
