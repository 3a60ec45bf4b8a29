import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.security import cpr
from brobygger.security.fields import EncryptedTextField
from brobygger.tenancy.models import TenantModel


class ReferralSource(models.TextChoices):
    JOBCENTRE = "jobcentre", _("Jobcentre")
    YOUTH_EFFORT = "youth_effort", _("Municipal youth effort (KUI)")
    SCHOOL = "school", _("School or education")
    SOCIAL_SERVICES = "social_services", _("Social services")
    PSYCHIATRY = "psychiatry", _("Psychiatry")
    SELF = "self", _("The young person themself")
    FAMILY = "family", _("Family or network")
    OTHER = "other", _("Other")


class Gender(models.TextChoices):
    """Asked only so results can be shown by gender; "not stated" is the default."""

    NOT_STATED = "", _("Not stated")
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other")


# What a referral records: the referral form, the API and imports all take these and no more.
REFERRAL_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "phone",
    "email",
    "referral_date",
    "referral_source",
)


class YoungPerson(TenantModel):
    """A young person with a minimal referral: only what the work needs.

    There are deliberately no health, diagnosis or case-history fields here
    (PRODUCT.md, "Minimal referral data"), so the young person can be more
    than their diagnosis.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    birth_date = models.DateField(_("birth date"))
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices, blank=True, default="")
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    referral_date = models.DateField(_("referral date"))
    referral_source = models.CharField(_("referred by"), max_length=20, choices=ReferralSource.choices)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="young_person",
        editable=False,
    )
    # The invitation that will give them their own login, until they open it.
    login_invitation = models.ForeignKey(
        "tenancy.Invitation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    external_key = models.CharField(
        _("external key"),
        max_length=64,
        blank=True,
        help_text=_("The young person's ID in the municipality's own system, so an import finds them again."),
    )
    # Only where the organisation has a legal basis for it (municipal units), encrypted, and found
    # through a keyed blind index (security.md R35); never in a URL, a log or an error report.
    cpr = EncryptedTextField(_("CPR number"), max_length=11, blank=True, editable=False)
    cpr_index = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    # Municipal units archive instead of erasing (security.md R33): kept, but out of the daily work.
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("young person")
        verbose_name_plural = _("young people")
        indexes = [models.Index(fields=["organisation", "first_name", "last_name"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "external_key"],
                condition=~models.Q(external_key=""),
                name="young_person_unique_external_key",
            ),
            models.UniqueConstraint(
                fields=["organisation", "cpr_index"],
                condition=~models.Q(cpr_index=""),
                name="young_person_unique_cpr",
            ),
        ]

    def __str__(self):
        return self.full_name

    def set_cpr(self, digits):
        """Ten digits from `security.cpr.normalise`, or "" to remove it."""
        self.cpr = digits
        self.cpr_index = cpr.index(digits) if digits else ""

    @property
    def cpr_masked(self):
        return cpr.masked(self.cpr)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def told_apart(self):
        """The name where young people are listed, with the birth year that tells most of the same
        name apart (each row links to the young person's page)."""
        return _("%(name)s (b. %(year)s)") % {"name": self.full_name, "year": self.birth_date.year}

    @property
    def choice_label(self):
        """The name where a young person is picked: with the birth year and the end of the id, so
        that a decision cannot land on the wrong one of two born the same year."""
        return _("%(name)s (b. %(year)s · %(tail)s)") % {
            "name": self.full_name,
            "year": self.birth_date.year,
            "tail": self.pk.hex[-4:],
        }

    def age_on(self, day):
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years

    @property
    def age(self):
        return self.age_on(date.today())

    @property
    def is_minor(self):
        return self.age < 18


class TeamRole(models.TextChoices):
    COUNSELLOR = "counsellor", _("Counsellor")
    CONSULTANT = "consultant", _("Company consultant")
    WORKSHOP_LEADER = "workshop_leader", _("Workshop leader")
    TEAM_LEAD = "team_lead", _("Team lead")
    OTHER = "other", _("Other professional")


class TeamMember(TenantModel):
    """One professional in the team around one young person."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_seats")
    role = models.CharField(_("role in the team"), max_length=20, choices=TeamRole.choices)
    is_primary = models.BooleanField(_("entry point"), default=False, help_text=_("The young person's one way in."))
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["young_person", "user"], name="team_member_unique_user"),
        ]
        ordering = ["-is_primary", "role", "user__first_name"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return f"{self.user.display_name} ({self.get_role_display()})"
