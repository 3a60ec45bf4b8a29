from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "brobygger.companies"
    verbose_name = _("Companies")

    def ready(self):
        from brobygger.tenancy.services import invitation_accepted

        from .services import link_mentor

        invitation_accepted.connect(link_mentor, dispatch_uid="companies.link_mentor")
