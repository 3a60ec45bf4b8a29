from django.utils.translation import gettext_lazy as _

from brobygger.core.transparency import exporter, plain, register

from .models import GroupMember, Participation, Pointer

register(
    GroupMember,
    key="groups",
    title=_("Your network groups"),
    rows=lambda yp: GroupMember.objects.filter(young_person=yp).select_related("group"),
    template="portal/sections/groups.html",
    export=exporter("group", "phase", "may_be_named", "joined_on"),
    order=44,
)
register(
    Participation,
    key="meetings",
    title=_("Meetings you were invited to"),
    rows=lambda yp: Participation.objects.filter(young_person=yp).select_related("meeting__group"),
    template="portal/sections/meetings.html",
    export=lambda p: {"group": str(p.meeting.group), "when": plain(p.meeting.starts_at), "came": plain(p.attended)},
    order=45,
    preview=5,
)
register(
    Pointer,
    key="communities",
    title=_("Communities we pointed you to"),
    rows=lambda yp: Pointer.objects.filter(young_person=yp).select_related("community"),
    template="portal/sections/communities.html",
    export=exporter("community", "note", "created_at"),
    order=46,
)
