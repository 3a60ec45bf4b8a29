from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "brobygger.people"
    verbose_name = _("Young people")

    def ready(self):
        from brobygger.tenancy.services import invitation_accepted

        from .services import link_login

        invitation_accepted.connect(link_login, dispatch_uid="people.link_login")
