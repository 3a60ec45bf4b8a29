from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.tenancy.models import Organisation, TenantModel


class Initiative(TenantModel):
    """An initiative (indsats) run by an organisation. Young people's pathways
    belong to one, so outcomes can be shown per initiative and side by side.
    The public pages read across organisations explicitly."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80)
    summary = models.TextField(_("summary"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        constraints = [models.UniqueConstraint(fields=["organisation", "slug"], name="initiative_slug_per_org")]

    def __str__(self):
        return self.name


class Phase(models.TextChoices):
    """Where in a young person's way the entry works (the phases of the
    lovende-praksis catalogue, plus steering and cooperation across them)."""

    AROUND_SCHOOL = "around_school", _("Around primary school")
    AFTER_SCHOOL = "after_school", _("After primary school")
    RETENTION = "retention", _("Keeping young people in education and job")
    ACROSS = "across", _("Steering and cooperation across phases")


class Term(models.Model):
    """A word entries are filed under: a theme, a target group or a municipality.
    The names are content (Danish), kept by editors, not translated strings."""

    class Kind(models.TextChoices):
        THEME = "theme", _("Theme")
        TARGET = "target", _("Target group")
        MUNICIPALITY = "municipality", _("Municipality")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    slug = models.SlugField(_("short name"), max_length=80)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="catalogue_term_slug_per_kind")]

    def __str__(self):
        return self.name


class Ingredient(models.Model):
    """One of the five active ingredients or five barriers of the pattern analysis (seed 001)."""

    class Kind(models.TextChoices):
        INGREDIENT = "ingredient", _("Active ingredient")
        BARRIER = "barrier", _("Barrier")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), max_length=4000)

    class Meta:
        ordering = ["kind", "number"]
        constraints = [models.UniqueConstraint(fields=["kind", "number"], name="catalogue_ingredient_number")]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Entry(models.Model):
    """An initiative in the public catalogue (indsatskatalog). Public content,
    not tenant data: it describes initiatives across the country, run by
    municipalities, companies and NGOs whether or not they use the platform."""

    slug = models.SlugField(_("short name"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=200)
    owner = models.CharField(_("owner"), max_length=300)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices)
    terms = models.ManyToManyField(Term, related_name="entries", blank=True, verbose_name=_("filed under"))
    target_group = models.TextField(_("target group"), max_length=2000)
    purpose = models.TextField(_("purpose"), max_length=4000)
    anchoring = models.CharField(_("anchoring"), max_length=300, blank=True)
    methods = models.TextField(_("methods"), max_length=8000, blank=True)
    results = models.TextField(_("results"), max_length=4000, blank=True)
    # [{"value": 65, "unit": "%", "label": "afsluttet til job eller uddannelse"}], as the source gives them.
    figures = models.JSONField(_("figures"), default=list, blank=True)
    # [{"title": "...", "url": "https://..."}]
    sources = models.JSONField(_("sources"), default=list, blank=True)
    keywords = models.CharField(_("search words"), max_length=500, blank=True)
    company_based = models.BooleanField(_("company-based"), default=False)
    ingredients = models.ManyToManyField(Ingredient, related_name="entries", blank=True)
    seeds = models.CharField(_("seed documents"), max_length=40, blank=True)
    run_by = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("runs it on this platform"),
    )
    initiative_slug = models.SlugField(_("the organisation's initiative"), max_length=80, blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept by the search module (PostgreSQL: Danish tsvector; SQLite: a side FTS5 table).
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("catalogue entry")
        verbose_name_plural = _("catalogue entries")

    def __str__(self):
        return self.name

    def terms_of(self, kind):
        return [t for t in self.terms.all() if t.kind == kind]

    @property
    def themes(self):
        return self.terms_of(Term.Kind.THEME)

    @property
    def target_terms(self):
        return self.terms_of(Term.Kind.TARGET)

    @property
    def municipalities(self):
        return self.terms_of(Term.Kind.MUNICIPALITY)


class Revision(models.Model):
    """One editor's change to a piece of public content, with what it was
    before and after (the history editors and readers can follow)."""

    content = models.CharField(max_length=40)  # "entry", "guide_page", "glossary_term"
    object_key = models.CharField(max_length=100)
    snapshot = models.JSONField()
    changed = models.JSONField(default=list)
    comment = models.CharField(_("what changed and why"), max_length=300, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content", "object_key"])]

    def __str__(self):
        return f"{self.content} {self.object_key} {self.created_at:%Y-%m-%d %H:%M}"


class SelfAssessment(TenantModel):
    """An organisation's own assessment of one of its catalogue entries against
    the 11 elements of promising practice (inspired by Socialstyrelsen's
    lovende praksis; our questions, not the official tool)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="assessments")
    # {"1": {"level": 3, "evidence": "..."}, ...} for the 11 elements.
    answers = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("self-assessment")
        constraints = [models.UniqueConstraint(fields=["organisation", "entry"], name="one_assessment_per_entry")]
