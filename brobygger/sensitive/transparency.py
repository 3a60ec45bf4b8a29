from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import exporter, register

from .models import SensitiveInformation

register(
    SensitiveInformation,
    key="sensitive",
    title=_("Sensitive information we hold about you"),
    rows=lambda yp: SensitiveInformation.objects.filter(young_person=yp),
    template="portal/sections/sensitive.html",
    export=exporter("category", "text", "why_needed", "recorded_at"),
    order=80,
)
