from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The foundation every app stands on: forms, page parts, lists, PDFs, errors, the transparency
    registry and postcodes. It imports no app of the project."""

    name = "brobygger.core"
    verbose_name = _("Foundation")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each app brings its own sections of what is written about a young person.
        autodiscover_modules("transparency")
