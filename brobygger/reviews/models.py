from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import TenantModel


class Review(TenantModel):
    """A case review (reviewmøde): the team's recurring look at every young person."""

    starts_at = models.DateTimeField(_("starts"))
    led_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("case review")
        verbose_name_plural = _("case reviews")
        constraints = [models.UniqueConstraint(fields=["organisation", "starts_at"], name="one_review_at_a_time")]

    def __str__(self):
        return f"{self.starts_at:%Y-%m-%d %H:%M}"


class Decision(TenantModel):
    """A decision about one young person at a review; the young person reads it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="review_decisions")
    text = models.CharField(_("decision"), max_length=1000)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return self.text[:40]
