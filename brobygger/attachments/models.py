from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.people.models import YoungPerson
from brobygger.security.uploads import FileKind
from brobygger.tenancy.models import TenantModel


class Attachment(TenantModel):
    """A document on a young person's case (a CV, a course certificate, a signed agreement).

    The file lies under a random name outside the web root (MEDIA_ROOT) and is
    only ever served by `attachments.views.download`, which checks access and
    sends it as a download (security.md R22).
    """

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="attachments")
    stored_name = models.CharField(max_length=64, unique=True, editable=False)
    original_name = models.CharField(_("file name"), max_length=150)
    kind = models.CharField(_("type"), max_length=5, choices=[(k.value, k.value.upper()) for k in FileKind])
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64, editable=False)
    description = models.CharField(_("what it is"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.original_name
