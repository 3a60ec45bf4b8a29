import uuid

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.tenancy.models import TenantModel

cvr_validator = RegexValidator(r"^\d{8}$", _("A CVR number has 8 digits."))


class Company(TenantModel):
    """A company in one organisation's network (minimal for now)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    cvr = models.CharField(_("CVR number"), max_length=8, blank=True, validators=[cvr_validator])
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="company_unique_name_per_org"),
        ]

    def __str__(self):
        return self.name


class CompanyContact(TenantModel):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name


class CompanyMentor(TenantModel):
    """A user who receives young people at a company."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="mentors")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_seats")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "user"], name="company_mentor_unique"),
        ]
        verbose_name = _("company mentor")
        verbose_name_plural = _("company mentors")

    def __str__(self):
        return f"{self.user.display_name} · {self.company}"
