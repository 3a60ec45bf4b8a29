from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.people.models import YoungPerson
from brobygger.security.fields import EncryptedTextField
from brobygger.tenancy.models import TenantModel


class Category(models.TextChoices):
    HEALTH = "health", _("Health")
    DIAGNOSIS = "diagnosis", _("Diagnosis")
    ABUSE = "abuse", _("Abuse")
    CRIME = "crime", _("Crime")


class SensitiveInformation(TenantModel):
    """Special-category information (GDPR Art. 9 and 10), only where the work
    needs it. Kept apart from the referral, behind its own permission; every
    opening asks for the purpose and is logged. The three texts are encrypted."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="sensitive_information")
    # Encrypted, the kind too: "crime" alone is Art. 10 data (security.md R25).
    category = EncryptedTextField(_("kind"), max_length=10, choices=Category.choices)
    text = EncryptedTextField(_("information"), max_length=2000)
    why_needed = EncryptedTextField(_("why the work needs it"), max_length=300)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at"]
        verbose_name = _("special-category information")
        verbose_name_plural = _("special-category information")

    def __str__(self):
        return self.get_category_display()
