from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttachmentsConfig(AppConfig):
    name = "brobygger.attachments"
    label = "attachments"
    verbose_name = _("Documents")

    def ready(self):
        from . import transparency  # noqa: F401
