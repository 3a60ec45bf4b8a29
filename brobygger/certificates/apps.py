from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "brobygger.certificates"
    verbose_name = _("Learning certificates")
