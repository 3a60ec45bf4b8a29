from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The start pages and the menu: they gather what many apps bring, so they stand above them."""

    name = "brobygger.home"
    verbose_name = _("Start page")
