from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "brobygger.access"
    verbose_name = _("Access rules")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each app registers the kinds of the rules table it owns (access.kinds).
        autodiscover_modules("access")
