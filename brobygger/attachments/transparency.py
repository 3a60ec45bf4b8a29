from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import exporter, forgets, register

from .models import Attachment
from .services import forget_files

register(
    Attachment,
    key="documents",
    title=_("Documents on your case"),
    rows=lambda yp: Attachment.objects.filter(young_person=yp),
    template="portal/sections/documents.html",
    export=exporter("original_name", "description", "kind", "size", "uploaded_at"),
    order=75,
)

forgets(forget_files)
