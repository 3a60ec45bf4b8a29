from django.utils.translation import gettext_lazy as _

from brobygger.portal.registry import register

from .models import TeamMember, YoungPerson

register(
    YoungPerson,
    key="referral",
    title=_("What we know about you"),
    rows=lambda yp: [yp],
    template="portal/sections/referral.html",
    order=10,
)
register(
    TeamMember,
    key="team",
    title=_("Your team"),
    rows=lambda yp: yp.team_members.select_related("user"),
    template="portal/sections/team.html",
    order=20,
)
