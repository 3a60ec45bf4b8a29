"""The roles a person can hold in an organisation: the subjects of the rules table (access.rules)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COUNSELLOR = "counsellor", _("Counsellor")
    CONSULTANT = "consultant", _("Company consultant")
    WORKSHOP_LEADER = "workshop_leader", _("Workshop leader")
    TEAM_LEAD = "team_lead", _("Team lead")
    MENTOR = "mentor", _("Company mentor")
    YOUNG_PERSON = "young_person", _("Young person")
    ANALYST = "analyst", _("Analyst")
    ORG_ADMIN = "org_admin", _("Organisation admin")
    EDITOR = "editor", _("Catalogue editor")


STAFF_ROLES = frozenset({Role.COUNSELLOR, Role.CONSULTANT, Role.WORKSHOP_LEADER, Role.TEAM_LEAD})
