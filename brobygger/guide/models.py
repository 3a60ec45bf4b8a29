from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REVIEW_INTERVAL = timedelta(days=365)


class Audience(models.TextChoices):
    COMPANIES = "virksomheder", _("For companies")
    PROFESSIONALS = "professionelle", _("For professionals")


class GuidePage(models.Model):
    """A plain-language page of the rules guide (regelguide) on one scheme, in
    one version for companies and one for professionals. Public content."""

    topic = models.SlugField(_("topic"), max_length=60)
    audience = models.CharField(_("for"), max_length=20, choices=Audience.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("in one sentence"), max_length=400)
    body = models.TextField(
        _("text"),
        max_length=12000,
        help_text=_("Paragraphs separated by a blank line; a line starting with '- ' is a point in a list."),
    )
    # [{"title": "...", "url": "https://..."}]
    sources = models.JSONField(_("sources"), default=list)
    last_reviewed = models.DateField(_("last reviewed"))
    reviewed_by = models.CharField(_("reviewed by"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]
        constraints = [models.UniqueConstraint(fields=["topic", "audience"], name="guide_page_per_audience")]

    def __str__(self):
        return self.title

    @property
    def review_overdue(self):
        """More than 12 months since someone checked the page against the rules."""
        return timezone.localdate() - self.last_reviewed > REVIEW_INTERVAL


class GlossaryTerm(models.Model):
    """A word as the municipality says it, and as a company would say it."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    municipal_term = models.CharField(_("the municipality says"), max_length=200)
    company_term = models.CharField(_("a company would say"), max_length=300)
    explanation = models.TextField(_("explanation"), max_length=2000)
    guide_topic = models.SlugField(_("guide page"), max_length=60, blank=True)
    search_text = models.CharField(max_length=1000, blank=True, editable=False)  # folded: æ→ae, ø→oe, å→aa

    class Meta:
        ordering = ["municipal_term"]

    def __str__(self):
        return self.municipal_term
