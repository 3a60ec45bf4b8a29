import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.core import tokens
from brobygger.pathways.models import StatusCode
from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import TenantModel

STATUS_CHECK_MONTHS = (6, 12, 18)


class FollowUpPlan(TenantModel):
    """Aftercare ("eftervend") from the day a young person starts a job or an
    education: a contact every N days for M months, and status checks at
    +6, +12 and +18 months after that exit."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="followup_plans")
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="followup_plans", verbose_name=_("responsible")
    )
    outcome = models.ForeignKey(
        StatusCode, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("started")
    )
    exit_on = models.DateField(_("exit"), help_text=_("The day a job or an education started, or the pathway ended."))
    interval_days = models.PositiveSmallIntegerField(_("days between contacts"))
    months = models.PositiveSmallIntegerField(_("months"))
    created_at = models.DateTimeField(auto_now_add=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        ordering = ["-exit_on"]
        verbose_name = _("follow-up plan")
        verbose_name_plural = _("follow-up plans")
        constraints = [
            models.UniqueConstraint(
                fields=["young_person"], condition=models.Q(closed_on__isnull=True), name="one_open_followup_plan"
            )
        ]

    def __str__(self):
        return f"{self.young_person} · {self.exit_on}"


class HowItGoes(models.TextChoices):
    GOOD = "good", _("It goes well")
    MIXED = "mixed", _("Up and down")
    HARD = "hard", _("It is hard")


class Reminded(models.Model):
    """Shared by contacts and status checks: the reminder is sent once."""

    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class FollowUpContact(TenantModel, Reminded):
    plan = models.ForeignKey(FollowUpPlan, on_delete=models.CASCADE, related_name="contacts")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="followup_contacts")
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)
    reached = models.BooleanField(_("reached"), null=True)
    how_it_goes = models.CharField(_("how it goes"), max_length=10, choices=HowItGoes.choices, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    # Closed without a contact of its own: a later contact was made, so this one will never be.
    lapsed = models.BooleanField(_("lapsed"), default=False)

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("follow-up contact")
        verbose_name_plural = _("follow-up contacts")
        indexes = [
            models.Index(fields=["organisation", "done_on", "due_on"]),
            # The latest contact per young person (case review agenda) is read from the index alone.
            models.Index(fields=["young_person", "-done_on", "organisation"], name="contact_latest_per_person"),
        ]

    def __str__(self):
        return f"{self.due_on}"


class StatusCheck(TenantModel, Reminded):
    plan = models.ForeignKey(FollowUpPlan, on_delete=models.CASCADE, related_name="checks")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="status_checks")
    months_after = models.PositiveSmallIntegerField(_("months after"))
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done"), null=True, blank=True)
    status = models.ForeignKey(StatusCode, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    unknown = models.BooleanField(_("could not be found out"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("status check")
        verbose_name_plural = _("status checks")
        constraints = [models.UniqueConstraint(fields=["plan", "months_after"], name="one_check_per_interval")]

    def __str__(self):
        return f"+{self.months_after}"


class FeedToken(models.Model):
    """A secret address for one professional's follow-ups as an iCalendar feed.
    Only a hash is stored; the address is shown once."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"feed of {self.user_id}"

    @classmethod
    def issue(cls, user):
        token = secrets.token_urlsafe(32)
        cls.objects.update_or_create(user=user, defaults={"token_hash": tokens.digest(token)})
        return token
