from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import TenantModel

from .instruments import INSTRUMENTS


class Response(TenantModel):
    """One completed measure, with every item's answer (item key -> value)."""

    class Mode(models.TextChoices):
        SELF = "self", _("Answered by the young person")
        READ_ALOUD = "read_aloud", _("Read aloud by a professional")

    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="measure_responses")
    instrument = models.CharField(_("measure"), max_length=40, choices=[(i, i) for i in INSTRUMENTS])
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
        return INSTRUMENTS[self.instrument]


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
