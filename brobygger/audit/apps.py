from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "brobygger.audit"
    verbose_name = _("Access log")

    def ready(self):
        from brobygger.access import policy

        from .services import log_reads

        if log_reads not in policy.READ_RECORDERS:
            policy.READ_RECORDERS.append(log_reads)
