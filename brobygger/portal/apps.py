from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "brobygger.portal"
    verbose_name = _("The young person's portal")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("transparency")
