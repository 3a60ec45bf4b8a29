from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.tenancy.models import TenantModel


class DataKind(models.TextChoices):
    COMPANIES = "companies", _("Companies")
    OFFERS = "offers", _("Offers (with their companies)")
    YOUNG_PEOPLE = "young_people", _("Young people (referrals)")
    STATUS_HISTORY = "status_history", _("Status history")


class ImportBatch(TenantModel):
    """One uploaded file: checked row by row (the preview), then imported in one
    transaction, both as background jobs. The file is kept until it is imported."""

    class State(models.TextChoices):
        CHECKING = "checking", _("Being checked")
        CHECKED = "checked", _("Checked, waiting for you")
        REFUSED = "refused", _("Cannot be imported")
        IMPORTING = "importing", _("Being imported")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Import failed, nothing was imported")

    kind = models.CharField(_("what the file holds"), max_length=20, choices=DataKind.choices)
    file_name = models.CharField(_("file"), max_length=255)
    file_format = models.CharField(max_length=4)
    content = models.BinaryField(editable=False)
    digest = models.CharField(max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.CHECKING)
    # What went wrong, in every language (errors.in_every_language); shown in the reader's.
    refusal = models.JSONField(_("why it cannot be imported"), default=dict, blank=True)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    errors = models.JSONField(default=list, blank=True)  # the first [{row, column, message}], each per language
    preview = models.JSONField(default=list, blank=True)  # the first rows, as the user will see them
    skip_bad_rows = models.BooleanField(_("leave out the rows with errors"), default=False)
    summary = models.JSONField(default=dict, blank=True)  # {created, updated, unchanged, skipped}
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.file_name

    @property
    def busy(self):
        return self.state in (self.State.CHECKING, self.State.IMPORTING)
