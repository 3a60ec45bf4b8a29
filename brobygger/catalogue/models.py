from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.tenancy.models import TenantModel


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
