from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from brobygger.tenancy.models import Organisation


class AppendOnlyError(Exception):
    pass


class Action(models.TextChoices):
    VIEW = "view", _("Viewed")
    SEARCH = "search", _("Searched")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    EXPORT = "export", _("Exported")
    DELETE = "delete", _("Deleted")


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
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
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
