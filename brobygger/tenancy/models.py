import functools
import uuid

from django.conf import settings
from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from brobygger.core.roles import Role


class Organisation(models.Model):
    """A tenant: an NGO, a municipal youth unit or a social enterprise."""

    class Kind(models.TextChoices):
        NGO = "ngo", _("NGO")
        MUNICIPAL = "municipal", _("Municipal youth unit")
        SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    no_contact_days = models.PositiveSmallIntegerField(_("days before a company counts as not contacted"), default=60)
    followup_interval_days = models.PositiveSmallIntegerField(_("days between follow-up contacts"), default=14)
    followup_months = models.PositiveSmallIntegerField(
        _("months of follow-up after job or education starts"), default=12
    )
    review_no_contact_days = models.PositiveSmallIntegerField(
        _("days without contact before a young person is raised at the case review"), default=30
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def archives_instead_of_erasing(self):
        # Municipal units have notation and journalising duties (security.md R33).
        return self.kind == self.Kind.MUNICIPAL


class TenantModel(models.Model):
    """Base for every row that belongs to one organisation.

    `objects` only answers inside an active organisation scope and raises
    ScopeError otherwise, so a forgotten filter fails closed.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", editable=False)

    objects = ScopedManager(organisation="organisation")

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        # Django's builds a dict of all the field's choices on every call, and lists call it for
        # every row; the labels stay lazy, so one dict per field serves every language.
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(make_hashable(value), value), strings_only=True)


@functools.cache
def _choice_labels(field):
    return dict(make_hashable(field.flatchoices))


class Membership(TenantModel):
    """One role of one user in one organisation. A user may hold several."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(
        _("title"), max_length=100, blank=True, help_text=_("For example ungeguide or IPS-konsulent.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user", "role"], name="membership_unique_role"),
        ]
        ordering = ["role", "user__first_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} · {self.get_role_display()}"


class Invitation(TenantModel):
    """An offer of one role in one organisation, sent to an e-mail address. Whoever opens the
    link has shown they read that mailbox, which is what makes the address theirs: a role is
    never attached to an account because the account claims an address. Only a hash of the
    link's token is stored."""

    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=100, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", editable=False
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"invitation of {self.email} as {self.role}"

    @property
    def display_name(self):
        return f"{self.first_name} {self.last_name}".strip() or self.email
