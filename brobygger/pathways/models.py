import uuid

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from brobygger.catalogue.models import Initiative
from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import TenantModel


class Track(models.TextChoices):
    DREAM = "dream", _("Dream track")
    LIVELIHOOD = "livelihood", _("Livelihood track")


class DreamDistance(models.IntegerChoices):
    """How close a step or activity is to the young person's dream."""

    THE_DREAM = 0, _("The dream itself")
    CLOSE = 1, _("Close to the dream")
    ON_THE_WAY = 2, _("A step on the way")
    FAR = 3, _("Far from the dream, but meaningful")


class StatusCode(models.Model):
    """Shared status taxonomy (outcomes.md §2): two axes, activity and income,
    with validity dates, loaded as data from pathways/data/status_codes.json."""

    class Axis(models.TextChoices):
        ACTIVITY = "activity", _("Activity")
        INCOME = "income", _("Income")

    axis = models.CharField(max_length=10, choices=Axis.choices)
    code = models.SlugField(max_length=40)
    label_da = models.CharField(max_length=120)
    label_en = models.CharField(max_length=120)
    valid_from = models.DateField()
    valid_to = models.DateField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=100)
    neet = models.BooleanField(default=True, help_text="Counts as NEET (Eurostat).")
    positive_outcome = models.BooleanField(default=False, help_text="Job or education (Youth Guarantee positive).")

    class Meta:
        ordering = ["axis", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["axis", "code", "valid_from"], name="status_code_unique")]

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.label_da if translation.get_language() == "da" else self.label_en

    def valid_on(self, day):
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class Pathway(TenantModel):
    """A young person's forløb: it starts when the young person says yes."""

    class State(models.TextChoices):
        REFERRED = "referred", _("Referred, waiting for the young person's yes")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    class Phase(models.TextChoices):
        GETTING_TO_KNOW = "getting_to_know", _("Getting to know each other")
        CLARIFYING = "clarifying", _("Finding the direction")
        ACTIVITIES = "activities", _("In activities")
        JOB_OR_EDUCATION = "job_or_education", _("In job or education")
        AFTERCARE = "aftercare", _("Aftercare")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    young_person = models.OneToOneField(YoungPerson, on_delete=models.CASCADE, related_name="pathway")
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.REFERRED)
    phase = models.CharField(_("phase"), max_length=20, choices=Phase.choices, default=Phase.GETTING_TO_KNOW)
    accepted_on = models.DateField(_("said yes on"), null=True, blank=True)
    accepted_how = models.CharField(_("how the yes was given"), max_length=200, blank=True)
    dream = models.TextField(_("Who do you want to be?"), max_length=1000, blank=True)
    livelihood = models.TextField(_("How do you want to support yourself?"), max_length=1000, blank=True)
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathways",
        verbose_name=_("initiative"),
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    end_reason = models.CharField(_("why it ended"), max_length=300, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pathway")
        verbose_name_plural = _("pathways")

    def __str__(self):
        return f"{self.young_person} · {self.get_state_display()}"


class StatusEntry(TenantModel):
    """One entry in a young person's status history. Never changed: a
    correction is a new entry."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="status_entries")
    activity = models.ForeignKey(
        StatusCode, on_delete=models.PROTECT, related_name="+", limit_choices_to={"axis": "activity"}
    )
    income = models.ForeignKey(
        StatusCode,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        limit_choices_to={"axis": "income"},
    )
    valid_from = models.DateField(_("from"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-valid_from", "-recorded_at", "-id"]
        verbose_name = _("status")
        verbose_name_plural = _("status history")
        indexes = [models.Index(fields=["young_person", "valid_from"])]

    def __str__(self):
        return f"{self.valid_from}: {self.activity}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("The status history is never rewritten; add a new entry instead.")
        super().save(*args, **kwargs)


class PlanStep(TenantModel):
    """A concrete, reachable step, with the goal in the young person's own words."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="plan_steps")
    track = models.CharField(_("track"), max_length=12, choices=Track.choices)
    goal = models.CharField(_("goal, in the young person's own words"), max_length=300)
    due = models.DateField(_("by when"), null=True, blank=True)
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who helps"),
    )
    helper_text = models.CharField(_("who else helps"), max_length=100, blank=True)
    dream_distance = models.PositiveSmallIntegerField(
        _("how close to the dream"), choices=DreamDistance.choices, null=True, blank=True
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = [models.F("done_at").asc(nulls_first=True), models.F("due").asc(nulls_last=True), "created_at"]
        verbose_name = _("plan step")
        verbose_name_plural = _("plan steps")
        indexes = [models.Index(fields=["young_person", "done_at", "due"])]

    def __str__(self):
        return self.goal

    @property
    def is_done(self):
        return self.done_at is not None


class Wish(TenantModel):
    """The young person's wish for an activity, for themself or for everyone."""

    class Kind(models.TextChoices):
        FOR_ME = "for_me", _("Something I would like to do")
        FOR_ALL = "for_all", _("An idea for something we could start together")

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="wishes")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FOR_ME)
    text = models.CharField(_("wish"), max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")

    def __str__(self):
        return self.text
