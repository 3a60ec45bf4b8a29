from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import exporter, register

from .models import TeamMember, YoungPerson

register(
    YoungPerson,
    key="referral",
    title=_("What we know about you"),
    rows=lambda yp: [yp],
    template="portal/sections/referral.html",
    export=exporter("first_name", "last_name", "birth_date", "phone", "email", "referral_date", "referral_source"),
    order=50,
)
register(
    TeamMember,
    key="team",
    title=_("Your team"),
    rows=lambda yp: yp.team_members.select_related("user"),
    template="portal/sections/team.html",
    export=lambda m: {"name": m.user.display_name, "role": m.get_role_display(), "entry point": m.is_primary},
    order=60,
)
