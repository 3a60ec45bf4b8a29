import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from brobygger.access.rules import FieldCategory
from brobygger.companies.models import Company
from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import Organisation, TenantModel


class Consent(TenantModel):
    """A young person's consent to share named field categories with a named
    company or another organisation: who, what, which text, when."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="consents")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, null=True, blank=True, related_name="consents")
    recipient_organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="received_consents"
    )
    categories = models.JSONField(_("what may be shared"), default=list)
    text_version = models.CharField(_("consent text version"), max_length=20)
    given_at = models.DateTimeField(_("given"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=(Q(company__isnull=False, recipient_organisation__isnull=True))
                | (Q(company__isnull=True, recipient_organisation__isnull=False)),
                name="consent_exactly_one_recipient",
            ),
        ]
        indexes = [models.Index(fields=["young_person", "withdrawn_at"])]

    def __str__(self):
        return f"{self.young_person} → {self.recipient}"

    @property
    def recipient(self):
        return self.company or self.recipient_organisation

    @property
    def is_active(self):
        return self.withdrawn_at is None

    def category_labels(self):
        labels = dict(FieldCategory.choices)
        return [labels.get(c, c) for c in self.categories]
