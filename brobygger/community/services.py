import re

from django.db import transaction
from django.utils.translation import gettext as _

from brobygger.audit.models import LogAction, LogKind
from brobygger.audit.services import log
from brobygger.core.errors import Refused

from .models import Community, Group, GroupMember, Meeting, Participation, Pointer


class CommunityError(Refused):
    pass


@transaction.atomic
def create_group(actor, *, data):
    group = Group(organisation=actor.organisation, **data)
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def add_member(actor, group, *, young_person, phase, may_be_named=False):
    if GroupMember.objects.filter(group=group, young_person=young_person).exists():
        raise CommunityError(_("%(name)s is already in the group.") % {"name": young_person.first_name})
    member = GroupMember.objects.create(
        organisation=group.organisation, group=group, young_person=young_person, phase=phase, may_be_named=may_be_named
    )
    log(actor, LogAction.CREATE, kind=LogKind.GROUP_MEMBER, subject=young_person, obj=member)
    return member


@transaction.atomic
def remove_member(actor, member):
    log(actor, LogAction.DELETE, kind=LogKind.GROUP_MEMBER, subject=member.young_person, obj=member)
    member.delete()


@transaction.atomic
def plan_meeting(actor, group, *, starts_at, place=""):
    """A meeting invites every member of the group."""
    meeting = Meeting.objects.create(
        organisation=group.organisation, group=group, starts_at=starts_at, place=place or group.place
    )
    Participation.objects.bulk_create(
        Participation(organisation=group.organisation, meeting=meeting, young_person_id=young_person_id)
        for young_person_id in group.members.values_list("young_person_id", flat=True)
    )
    return meeting


def names_not_agreed(meeting, text):
    """Names of members who have not agreed to be named and appear in the text."""
    found = []
    for member in meeting.group.members.select_related("young_person").filter(may_be_named=False):
        young_person = member.young_person
        for name in {young_person.first_name, young_person.full_name}:
            if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE):
                found.append(young_person.first_name)
                break
    return sorted(set(found))


@transaction.atomic
def save_note(actor, meeting, *, text):
    named = names_not_agreed(meeting, text)
    if named:
        raise CommunityError(
            _("The note names %(names)s, who has not agreed to be named. Write it without the name.")
            % {"names": ", ".join(named)}
        )
    meeting.shared_note = text.strip()
    meeting.full_clean()
    meeting.save(update_fields=["shared_note"])
    return meeting


@transaction.atomic
def set_attendance(actor, participation, *, attended):
    participation.attended = attended
    participation.save(update_fields=["attended"])
    log(actor, LogAction.UPDATE, kind=LogKind.MEETING_ATTENDANCE, subject=participation.young_person, obj=participation)
    return participation


@transaction.atomic
def create_community(actor, *, data):
    community = Community(organisation=actor.organisation, **data)
    community.full_clean()
    community.save()
    return community


@transaction.atomic
def point_to(actor, young_person, *, community, note=""):
    pointer = Pointer.objects.create(
        organisation=young_person.organisation,
        young_person=young_person,
        community=community,
        pointed_by=actor.user,
        note=note,
    )
    log(actor, LogAction.CREATE, kind=LogKind.COMMUNITY_POINTER, subject=young_person, obj=pointer)
    return pointer
