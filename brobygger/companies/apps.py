from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompaniesConfig(AppConfig):
    name = "brobygger.companies"
    verbose_name = _("Companies")
