import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from brobygger.companies.models import EscoOccupation
from brobygger.people.models import YoungPerson
from brobygger.staircase.models import Activity
from brobygger.tenancy.models import TenantModel


class IssuerKey(TenantModel):
    """An organisation's Ed25519 signing key. The private half is stored only
    encrypted under the key-encryption key from the settings (`keys.py`), never in
    a plain column. A retired key signs nothing new but stays in the DID document,
    so what it signed still verifies."""

    key_id = models.CharField(max_length=20)
    public_key = models.CharField(max_length=60)  # Multikey, base58btc
    encrypted_private_key = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key_id"], name="issuer_key_unique_id"),
            models.UniqueConstraint(
                fields=["organisation"], condition=Q(retired_at__isnull=True), name="issuer_key_one_active"
            ),
        ]

    def __str__(self):
        return self.key_id


class StatusList(TenantModel):
    """The organisation's revocation list, and the signed credential that publishes it.
    `allocated` marks every index ever handed out, so an index is never reused, even
    after the certificate that had it is deleted with its young person."""

    bits = models.BinaryField()
    allocated = models.BinaryField(default=bytes)
    credential = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation"], name="status_list_one_per_organisation")]


class Certificate(TenantModel):
    """A læringsbevis: what a young person learned and showed at a placement,
    written by the company, signed by the mentor, approved by the young person,
    then issued as a signed Open Badges 3.0 credential that the young person owns."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Being written")
        SIGNED = "signed", _("Signed by the mentor, waiting for the young person")
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")

    class Language(models.TextChoices):
        DANISH = "da", _("Danish")
        ENGLISH = "en", _("English")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="certificates")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="certificates")
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.DANISH)
    title = models.CharField(_("title"), max_length=200)
    tasks = models.TextField(_("tasks"), max_length=3000)
    skills = models.TextField(_("skills shown"), max_length=3000, help_text=_("One per line."))
    occupation = models.ForeignKey(
        EscoOccupation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("occupation (ESCO)"),
    )
    mentor_statement = models.TextField(_("the mentor's statement"), max_length=3000)
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=1, default=0)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("to"), null=True, blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_name = models.CharField(_("signed by"), max_length=200, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    changes_asked = models.TextField(_("changes the young person asked for"), max_length=2000, blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    credential = models.JSONField(null=True, blank=True)
    status_index = models.PositiveIntegerField(null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_reason = models.CharField(_("why it was revoked"), max_length=500, blank=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("learning certificate")
        verbose_name_plural = _("learning certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["activity"], condition=~Q(state="revoked"), name="certificate_one_live_per_activity"
            ),
            models.UniqueConstraint(
                fields=["organisation", "status_index"],
                condition=Q(status_index__isnull=False),
                name="certificate_unique_status_index",
            ),
        ]

    def __str__(self):
        return self.title

    def skill_list(self):
        return [line.strip() for line in self.skills.splitlines() if line.strip()]
