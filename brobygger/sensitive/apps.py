from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SensitiveConfig(AppConfig):
    name = "brobygger.sensitive"
    verbose_name = _("Special-category information")
