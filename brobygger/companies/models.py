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
    knows_target_group = models.BooleanField(_("knows the target group"), default=False)
    agreement_in_place = models.BooleanField(_("agreement in place"), default=False)
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


class MentorInvitation(TenantModel):
    """A login invitation sent from a company's page: whoever opens it becomes that company's mentor."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="mentor_invitations")
    invitation = models.OneToOneField("tenancy.Invitation", on_delete=models.CASCADE, related_name="mentor_seat")

    class Meta:
        verbose_name = _("mentor invitation")
        verbose_name_plural = _("mentor invitations")

    def __str__(self):
        return f"{self.invitation.email} · {self.company}"


class EscoOccupation(models.Model):
    """ESCO occupation with its Danish labels (shared reference data, not per organisation).
    Indeholder data fra ESCO, © Den Europæiske Union."""

    uri = models.CharField(max_length=200, unique=True)
    isco_group = models.CharField(max_length=10, blank=True)
    label = models.CharField(max_length=300, db_index=True)
    alt_labels = models.TextField(blank=True)

    class Meta:
        ordering = ["label"]
        verbose_name = _("ESCO occupation")
        verbose_name_plural = _("ESCO occupations")

    def __str__(self):
        return self.label


class OfferKind(models.TextChoices):
    VISIT = "visit", _("Company visit")
    TASK = "task", _("Task for a company")
    TRIAL_INTERNSHIP = "trial_internship", _("Trial internship (snusepraktik)")
    INTERNSHIP = "internship", _("Internship (virksomhedspraktik)")
    PAID_HOURS = "paid_hours", _("Paid hours or small job")
    JOB = "job", _("Ordinary job")


class WorkplaceSize(models.TextChoices):
    SMALL = "small", _("Small workplace")
    LARGE = "large", _("Large workplace")


class Pace(models.TextChoices):
    QUIET = "quiet", _("Quiet")
    BUSY = "busy", _("Busy")


class Social(models.TextChoices):
    ALONE = "alone", _("Working mostly alone")
    TEAM = "team", _("Working in a team")


class Setting(models.TextChoices):
    INDOORS = "indoors", _("Indoors")
    OUTDOORS = "outdoors", _("Outdoors")


# The work-culture dimensions an offer states and a young person can wish for ("det intelligente
# match": where the young person can see themselves in the work environment and culture).
ENVIRONMENT = {"size": WorkplaceSize, "pace": Pace, "social": Social, "setting": Setting}


class Offer(TenantModel):
    """What a company offers: visits, tasks, internship and job slots."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="offers", verbose_name=_("company"))
    kind = models.CharField(_("kind"), max_length=20, choices=OfferKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what the young person will do"), max_length=2000, blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"), default=1)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1, null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    accommodations = models.CharField(_("accommodations possible"), max_length=300, blank=True)
    esco_occupation = models.ForeignKey(
        EscoOccupation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("occupation (ESCO)"),
    )
    workplace_size = models.CharField(_("workplace"), max_length=10, choices=WorkplaceSize.choices, blank=True)
    pace = models.CharField(_("pace"), max_length=10, choices=Pace.choices, blank=True)
    social = models.CharField(_("alone or in a team"), max_length=10, choices=Social.choices, blank=True)
    setting = models.CharField(_("indoors or outdoors"), max_length=10, choices=Setting.choices, blank=True)
    suits_under_18 = models.BooleanField(
        _("open to young people under 18"),
        default=True,
        help_text=_("Untick if the work is dangerous work that young people under 18 may not do."),
    )
    is_open = models.BooleanField(_("open"), default=True)
    external_key = models.CharField(
        _("external key"),
        max_length=64,
        blank=True,
        help_text=_("The offer's ID in the system it was imported from, so a new import finds it again."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["company__name", "title"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [models.Index(fields=["organisation", "company", "is_open"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "external_key"],
                condition=~models.Q(external_key=""),
                name="offer_unique_external_key",
            )
        ]

    def __str__(self):
        return f"{self.title} · {self.company}"


class ContactLogEntry(TenantModel):
    """A contact between the organisation and a company."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone")
        MEETING = "meeting", _("Meeting or visit")
        EMAIL = "email", _("E-mail")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contact_log")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    day = models.DateField(_("date"))
    channel = models.CharField(_("how"), max_length=10, choices=Channel.choices, default=Channel.PHONE)
    note = models.CharField(_("note"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "-created_at"]
        verbose_name = _("contact")
        verbose_name_plural = _("contact log")
        indexes = [models.Index(fields=["company", "day"])]

    def __str__(self):
        return f"{self.day}: {self.company}"
