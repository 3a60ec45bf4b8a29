from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "brobygger.followup"
    verbose_name = _("Follow-up and aftercare")

    def ready(self):
        from . import receivers  # noqa: F401  (connects to the pathway signals)
