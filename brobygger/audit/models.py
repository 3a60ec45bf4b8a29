from enum import StrEnum

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from brobygger.tenancy.models import Organisation


class AppendOnlyError(Exception):
    pass


class LogAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    SEARCH = "search", _("Searched")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    EXPORT = "export", _("Exported")
    DELETE = "delete", _("Deleted")


class LogKind(StrEnum):
    """What a row of the access log is about: every kind of the rules table (access.rules.Kind, the
    same values; a test holds them together) and the parts of a case that are no kind of their own."""

    YOUNG_PERSON = "young_person"
    TEAM_MEMBER = "team_member"
    CONSENT = "consent"
    COMPANY = "company"
    MEMBERSHIP = "membership"
    ACCESS_LOG = "access_log"
    OWN_DATA = "own_data"
    FIGURES = "figures"
    SHARED_PERSON = "shared_person"
    PLAN_STEP = "plan_step"
    NOTE = "note"
    ACTIVITY = "activity"
    OFFER = "offer"
    FOLLOWUP_CONTACT = "followup_contact"
    STATUS_CHECK = "status_check"
    GROUP = "group"
    MEETING = "meeting"
    COMMUNITY = "community"
    REVIEW = "review"
    ATTENTION = "attention"
    OWN_INSTRUMENT = "own_instrument"
    CERTIFICATE = "certificate"
    ISSUER_KEY = "issuer_key"
    MATCH_WEIGHTS = "match_weights"
    ROUND = "round"
    ROUND_SEAT = "round_seat"
    ROUND_OFFER = "round_offer"
    PUBLIC_CONTENT = "public_content"
    SELF_ASSESSMENT = "self_assessment"
    IMPORT_BATCH = "import_batch"
    ATTACHMENT = "attachment"
    # Beyond the rules table's kinds: the parts of a young person's case a row can be about.
    ATTENDANCE = "attendance"
    COMMUNITY_POINTER = "community_pointer"
    FOLLOWUP_FEED = "followup_feed"
    FOLLOWUP_PLAN = "followup_plan"
    GROUP_MEMBER = "group_member"
    LEARNING_PLAN = "learning_plan"
    MEASURE = "measure"
    MEETING_ATTENDANCE = "meeting_attendance"
    MENTOR_MESSAGE = "mentor_message"
    OPEN_DATA = "open_data"
    PATHWAY = "pathway"
    REVIEW_DECISION = "review_decision"
    SENSITIVE = "sensitive"
    STATUS = "status"
    TALENT = "talent"
    TARGETS = "targets"
    WISH = "wish"


class Purpose(models.TextChoices):
    CASEWORK = "casework", _("Work on the young person's pathway")
    DISTRIBUTION = "distribution", _("Distributing and reviewing cases")
    MENTORING = "mentoring", _("Mentoring at the company (with consent)")
    OWN_DATA = "own_data", _("The young person's own access")
    CONSENT = "consent", _("Recording or withdrawing consent")
    ADMINISTRATION = "administration", _("Administration")
    SPECIAL_CATEGORY = "special_category", _("Opening special-category information")


class AccessLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The access log is append-only.")

    def delete(self):
        raise AppendOnlyError("The access log is append-only; only the retention job deletes.")

    def _raw_delete_rows(self):
        """For `audit.services.purge_expired` only; the database still refuses
        unless a RetentionGrant row exists in the same transaction."""
        count = self.count()
        self._raw_delete(self.db)
        return count, {}


class AccessLog(models.Model):
    """One row per view, search, create, update, export or delete of a young
    person's data (security.md F, Datatilsynet's logging guidance).

    The data itself is never stored here, only who, when, what kind of action,
    on whom (or with which search criterion) and why. References are kept
    without database constraints so that the row outlives what it points at and
    never needs an UPDATE. Database triggers refuse UPDATE and DELETE
    (migration 0002); only the retention job may delete old rows.
    """

    at = models.DateTimeField(_("time (UTC)"), auto_now_add=True, db_index=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20)
    action = models.CharField(_("action"), max_length=10, choices=LogAction.choices)
    subject = models.ForeignKey(
        "people.YoungPerson",  # by name: the access log stands below the apps it records
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="access_log",
        verbose_name=_("young person"),
    )
    object_kind = models.CharField(_("what"), max_length=40)
    object_id = models.CharField(max_length=64, blank=True)
    criterion = models.CharField(_("search criterion"), max_length=300, blank=True)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    purpose_text = models.CharField(_("purpose, in the user's words"), max_length=300, blank=True)

    objects = ScopedManager(organisation="organisation", _manager_class=models.Manager.from_queryset(AccessLogQuerySet))

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log")
        indexes = [models.Index(fields=["organisation", "subject", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_kind}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("The access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The access log is append-only; only the retention job deletes.")


class RetentionGrant(models.Model):
    """While a row exists here (inside the retention job's own transaction),
    the database triggers let DELETE through on the access log."""

    granted_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"retention grant {self.granted_at:%Y-%m-%d %H:%M}"
