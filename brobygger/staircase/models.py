from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.companies.models import Company, Offer
from brobygger.pathways.models import DreamDistance
from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import TenantModel


class ActivityKind(models.TextChoices):
    """The steps of virksomhedstrappen (Opgang2 XL, fig. 1) and the home base's workshops."""

    WORKSHOP = "workshop", _("Workshop at the home base")
    VISIT = "visit", _("Company visit")
    TASK = "task", _("Task for a company")
    TRIAL_INTERNSHIP = "trial_internship", _("Trial internship (snusepraktik)")
    INTERNSHIP = "internship", _("Internship (virksomhedspraktik)")
    PAID_HOURS = "paid_hours", _("Paid hours or small job")
    JOB = "job", _("Ordinary job")
    EDUCATION = "education", _("Education")


class Activity(TenantModel):
    """An activity a young person can step into and out of. Proposed by a
    professional; the young person says yes or no (a no needs no reason)."""

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("Yes from the young person")
        DECLINED = "declined", _("No from the young person")
        ACTIVE = "active", _("Under way")
        ENDED = "ended", _("Ended, with what was learned")

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("what"), max_length=200)
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, null=True, blank=True, related_name="activities", verbose_name=_("company")
    )
    offer = models.ForeignKey(
        Offer, on_delete=models.SET_NULL, null=True, blank=True, related_name="activities", verbose_name=_("offer")
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentored_activities",
        verbose_name=_("mentor"),
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    hours_per_week = models.DecimalField(_("hours per week"), max_digits=4, decimal_places=1, null=True, blank=True)
    dream_distance = models.PositiveSmallIntegerField(
        _("how close to the dream"), choices=DreamDistance.choices, null=True, blank=True
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    skipped_trial_reason = models.CharField(_("why no trial internship first"), max_length=300, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    learned = models.TextField(_("what was learned"), max_length=3000, blank=True)
    end_reason = models.CharField(_("why it ended"), max_length=300, blank=True)
    stepped_back_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("stepping back in after"),
    )

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [models.Index(fields=["organisation", "company", "state"])]

    def __str__(self):
        return self.title

    @property
    def is_placement(self):
        return self.kind in PLACEMENT_KINDS

    @property
    def is_running(self):
        return self.state in (self.State.ACCEPTED, self.State.ACTIVE)


PLACEMENT_KINDS = {
    ActivityKind.TRIAL_INTERNSHIP,
    ActivityKind.INTERNSHIP,
    ActivityKind.PAID_HOURS,
    ActivityKind.JOB,
}


class LearningPlan(TenantModel):
    """Agreed before a placement starts; the young person reads and accepts it."""

    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="learning_plan")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="learning_plans")
    goals = models.TextField(_("learning goals"), max_length=2000)
    tasks = models.TextField(_("tasks"), max_length=2000)
    expectations_young_person = models.TextField(_("what the young person can expect"), max_length=1000, blank=True)
    expectations_company = models.TextField(_("what the company can expect"), max_length=1000, blank=True)
    accommodations = models.TextField(_("accommodations"), max_length=1000, blank=True)
    hours_per_day = models.DecimalField(_("hours per day"), max_digits=3, decimal_places=1, default=4)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    accepted_at = models.DateTimeField(_("accepted by the young person"), null=True, blank=True)

    class Meta:
        verbose_name = _("learning plan")
        verbose_name_plural = _("learning plans")

    def __str__(self):
        return f"{self.activity}"


class Attendance(TenantModel):
    """One day at a placement, registered in one tap by the mentor or staff."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attendance")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="attendance")
    day = models.DateField(_("day"))
    present = models.BooleanField(_("present"), default=True)
    hours = models.DecimalField(_("hours"), max_digits=3, decimal_places=1)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-day"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["activity", "day"], name="attendance_one_per_day")]

    def __str__(self):
        return f"{self.day}: {self.hours}"


class Talent(TenantModel):
    """A workshop leader's observation of a talent, with a suggested placement.
    It lands with the counsellor and the consultant (and the young person reads it)."""

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="talents")
    spotted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    talent = models.CharField(_("what I saw"), max_length=500)
    suggestion = models.CharField(_("suggested placement"), max_length=300, blank=True)
    suggested_offer = models.ForeignKey(
        Offer, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("suggested offer")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("talent spotted")
        verbose_name_plural = _("talents spotted")

    def __str__(self):
        return self.talent


class MentorMessage(TenantModel):
    """A message from the company mentor to the counsellor about a placement.
    The young person can read it too (everything written about them)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="messages")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="mentor_messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message from the mentor")
        verbose_name_plural = _("messages from the mentor")

    def __str__(self):
        return self.text[:40]
