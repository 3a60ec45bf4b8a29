from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import TenantModel

from .instruments import INSTRUMENTS, Instrument, Item

OWN_PREFIX = "own-"


class Response(TenantModel):
    """One completed measure, with every item's answer (item key -> value)."""

    class Mode(models.TextChoices):
        SELF = "self", _("Answered by the young person")
        READ_ALOUD = "read_aloud", _("Read aloud by a professional")

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="measure_responses")
    instrument = models.CharField(_("measure"), max_length=40)
    version = models.CharField(_("version"), max_length=20)
    language = models.CharField(_("language"), max_length=5)
    mode = models.CharField(_("how it was answered"), max_length=12, choices=Mode.choices)
    respondent = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(_("answers"))
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=1, null=True)
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        ordering = ["-answered_at"]
        verbose_name = _("answer to a measure")
        verbose_name_plural = _("answers to measures")
        indexes = [models.Index(fields=["organisation", "instrument", "answered_at"])]

    def __str__(self):
        return f"{self.instrument} {self.score}"

    @property
    def definition(self):
        if self.instrument in INSTRUMENTS:
            return INSTRUMENTS[self.instrument]
        own = OwnInstrument.objects.filter(
            organisation=self.organisation_id, key=self.instrument.removeprefix(OWN_PREFIX)
        ).first()
        return own.definition() if own else None


class Attention(TenantModel):
    """A well-being answer that asks the counsellor to get in touch soon.
    Never a diagnosis; the young person sees it too."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="attentions")
    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="attention")
    for_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attentions")
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("get in touch")
        verbose_name_plural = _("get in touch")

    def __str__(self):
        return f"{self.young_person} {self.created_at:%Y-%m-%d}"


class Target(TenantModel):
    """A target (måltal) the organisation has set for a year."""

    class Key(models.TextChoices):
        STARTED = "started", _("Young people starting a pathway")
        IN_JOB_OR_EDUCATION = "in_job_or_education", _("Current participants in job or education (%)")
        SUSTAINED_6 = "sustained_6", _("In job or education 6 months after exit (%)")
        WHO5_IMPROVED = "who5_improved", _("Well-being (WHO-5) up by 10 points or more (%)")
        MEDIAN_DAYS = "median_days", _("Median days to job or education (at most)")

    UNITS = {
        Key.STARTED: "",
        Key.IN_JOB_OR_EDUCATION: "%",
        Key.SUSTAINED_6: "%",
        Key.WHO5_IMPROVED: "%",
        Key.MEDIAN_DAYS: "",
    }

    year = models.PositiveSmallIntegerField(_("year"))
    key = models.CharField(_("target"), max_length=30, choices=Key.choices)
    value = models.DecimalField(_("value"), max_digits=7, decimal_places=1)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "key"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [models.UniqueConstraint(fields=["organisation", "year", "key"], name="one_target_per_year")]

    def __str__(self):
        return f"{self.year} {self.key} {self.value}"


class OpenDataRelease(TenantModel):
    """Anonymised aggregates an organisation has published as open data for a
    year. The figures are frozen when published, so a published file never
    changes under its readers; a withdrawn release is no longer served."""

    SCHEMA_VERSION = "1.0"

    year = models.PositiveSmallIntegerField(_("year"))
    schema_version = models.CharField(max_length=10)
    rows = models.JSONField()
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "-published_at"]
        verbose_name = _("open data release")
        verbose_name_plural = _("open data releases")

    def __str__(self):
        return f"{self.organisation_id} {self.year}"


class OwnInstrument(TenantModel):
    """A measure the organisation holds its own licence for (WEMWBS, Outcomes
    Star, ...). Its text is the organisation's and is never bundled; it is
    answered and scored like the shared ones, but not part of the shared figures."""

    class Scoring(models.TextChoices):
        SUM = "sum", _("Sum of the answers")
        PRORATED = "prorated", _("Sum, with missing answers filled in by the mean of the others")
        MEAN = "mean", _("Mean of the answers")

    class Respondent(models.TextChoices):
        YOUNG_PERSON = "young_person", _("The young person")
        STAFF = "staff", _("The professional")

    key = models.SlugField(_("short name"), max_length=30)
    version = models.CharField(_("version"), max_length=20)
    title = models.CharField(_("title"), max_length=120)
    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    items = models.TextField(_("questions, one per line"), max_length=10000)
    options = models.TextField(_("answers, one per line as value = text"), max_length=2000)
    scoring = models.CharField(_("scoring"), max_length=10, choices=Scoring.choices, default=Scoring.SUM)
    max_missing = models.PositiveSmallIntegerField(_("questions that may be left out"), default=0)
    respondent = models.CharField(_("answered by"), max_length=12, choices=Respondent.choices)
    licence = models.CharField(_("your licence"), max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("own measure")
        verbose_name_plural = _("own measures")
        constraints = [models.UniqueConstraint(fields=["organisation", "key"], name="own_instrument_key")]

    def __str__(self):
        return self.title

    def definition(self):
        lines = [line.strip() for line in self.items.splitlines() if line.strip()]
        options = []
        for line in self.options.splitlines():
            if "=" in line:
                value, label = line.split("=", 1)
                options.append((int(value), {"da": label.strip(), "en": label.strip()}))
        return Instrument(
            id=OWN_PREFIX + self.key,
            version=self.version,
            title={"da": self.title, "en": self.title},
            intro={"da": self.intro, "en": self.intro},
            items=tuple(Item(str(n), {"da": text, "en": text}) for n, text in enumerate(lines, start=1)),
            options=tuple(options),
            respondent=self.respondent,
            minutes=max(1, len(lines) // 4),
            scoring=self.scoring,
            max_missing=self.max_missing,
        )
