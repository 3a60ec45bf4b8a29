from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.companies.models import Company
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
        ENDED = "ended", _("Ended")

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("what"), max_length=200)
    company = models.ForeignKey(
        Company, on_delete=models.PROTECT, null=True, blank=True, related_name="activities", verbose_name=_("company")
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

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title
