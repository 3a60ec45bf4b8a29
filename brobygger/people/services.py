import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from brobygger.access.rules import Kind
from brobygger.audit.models import LogAction
from brobygger.audit.services import log, log_many
from brobygger.core.errors import Refused
from brobygger.core.roles import Role
from brobygger.security import cpr
from brobygger.tenancy import selectors as tenancy_selectors
from brobygger.tenancy import services as tenancy_services

from .models import REFERRAL_FIELDS, TeamMember, TeamRole, YoungPerson

ROLE_IN_TEAM = {
    Role.COUNSELLOR: TeamRole.COUNSELLOR,
    Role.CONSULTANT: TeamRole.CONSULTANT,
    Role.WORKSHOP_LEADER: TeamRole.WORKSHOP_LEADER,
    Role.TEAM_LEAD: TeamRole.TEAM_LEAD,
}


class TeamError(Refused):
    pass


@transaction.atomic
def create_referral(actor, *, data):
    """Register a referral. A counsellor who registers it becomes the young
    person's entry point; a team lead distributes it later."""
    data = dict(data)
    digits = data.pop("cpr", "")
    young_person = YoungPerson(organisation=actor.organisation, **data)
    if digits:
        young_person.set_cpr(_cpr_allowed(actor, digits))
    young_person.full_clean()
    young_person.save()
    if actor.has_role(Role.COUNSELLOR):
        TeamMember.objects.create(
            organisation=actor.organisation,
            young_person=young_person,
            user=actor.user,
            role=TeamRole.COUNSELLOR,
            is_primary=True,
        )
    log(actor, LogAction.CREATE, kind=Kind.YOUNG_PERSON, subject=young_person, obj=young_person)
    return young_person


def _cpr_allowed(actor, digits):
    if not actor.organisation.archives_instead_of_erasing:
        raise Refused(_("Only municipal units have the legal basis to record CPR numbers."))
    if YoungPerson.objects.filter(cpr_index=cpr.index(digits)).exists():
        raise Refused(_("A young person with this CPR number is already registered."))
    return digits


def find_by_cpr(actor, queryset, digits):
    """The young person with this CPR number among those the actor may see, via the blind index.
    The access log says that a CPR number was looked up, never which."""
    log(actor, LogAction.SEARCH, kind=Kind.YOUNG_PERSON, criterion=CPR_CRITERION)
    return queryset.filter(cpr_index=cpr.index(digits)).first()


CPR_CRITERION = "CPR"


@transaction.atomic
def update_referral(actor, young_person, *, data):
    for field, value in data.items():
        setattr(young_person, field, value)
    young_person.full_clean()
    young_person.save()
    log(actor, LogAction.UPDATE, kind=Kind.YOUNG_PERSON, subject=young_person, obj=young_person)
    return young_person


def _team_role_for(user):
    roles = tenancy_selectors.roles_in_active_organisation(user)
    for role, team_role in ROLE_IN_TEAM.items():
        if role in roles:
            return team_role
    return None


@transaction.atomic
def add_team_member(actor, young_person, *, user, is_primary=False):
    team_role = _team_role_for(user)
    if team_role is None:
        raise TeamError(_("Only professionals in this organisation can join a young person's team."))
    if TeamMember.objects.filter(young_person=young_person, user=user).exists():
        raise TeamError(_("%(name)s is already on the team.") % {"name": user.display_name})
    if is_primary:
        TeamMember.objects.filter(young_person=young_person, is_primary=True).update(is_primary=False)
    member = TeamMember.objects.create(
        organisation=young_person.organisation,
        young_person=young_person,
        user=user,
        role=team_role,
        is_primary=is_primary,
    )
    log(actor, LogAction.UPDATE, kind=Kind.TEAM_MEMBER, subject=young_person, obj=member)
    return member


@transaction.atomic
def remove_team_member(actor, member):
    young_person = member.young_person
    log(actor, LogAction.DELETE, kind=Kind.TEAM_MEMBER, subject=young_person, obj=member)
    member.delete()


@transaction.atomic
def invite_to_login(actor, young_person, *, email, base_url):
    """Send the young person a link to make their own login (after they have said yes)."""
    invitation = tenancy_services.invite(
        actor,
        email=email,
        role=Role.YOUNG_PERSON,
        first_name=young_person.first_name,
        last_name=young_person.last_name,
        base_url=base_url,
    )
    young_person.login_invitation = invitation
    young_person.save(update_fields=["login_invitation", "updated_at"])
    log(actor, LogAction.UPDATE, kind=Kind.YOUNG_PERSON, subject=young_person, obj=young_person)
    return invitation


@transaction.atomic
def set_up_login(actor, young_person, *, email):
    """A login for the young person at the installation's own set-up (the demo), where the operator
    vouches for the address; pages send an invitation instead."""
    membership = tenancy_services.add_member(
        organisation=young_person.organisation,
        email=email,
        role=Role.YOUNG_PERSON,
        first_name=young_person.first_name,
        last_name=young_person.last_name,
    )
    young_person.user = membership.user
    young_person.save(update_fields=["user", "updated_at"])
    log(actor, LogAction.UPDATE, kind=Kind.YOUNG_PERSON, subject=young_person, obj=young_person)
    return membership.user


def link_login(sender, invitation, user, **kwargs):
    """An opened invitation of a young person makes the login theirs (tenancy.invitation_accepted)."""
    if invitation.role != Role.YOUNG_PERSON:
        return
    young_person = YoungPerson.objects.filter(login_invitation=invitation).first()
    if young_person is None:
        return
    if YoungPerson.objects.with_scopes_disabled().filter(user=user).exclude(pk=young_person.pk).exists():
        raise Refused(_("This login already belongs to a young person. Ask your counsellor for help."))
    young_person.user = user
    young_person.login_invitation = None
    young_person.save(update_fields=["user", "login_invitation", "updated_at"])


EXPORTED_KEY_PREFIX = "brobygger-"
IMPORT_BATCH = 1000  # rows written, and reported as done, at a time


def young_people_by_key(keys):
    """Young people of the organisation by external key; a key an export wrote for one
    without a key of its own ("brobygger-<id>") finds that young person."""
    found = {p.external_key: p for p in YoungPerson.objects.filter(external_key__in=keys)}
    exported = {k[len(EXPORTED_KEY_PREFIX) :]: k for k in keys if k.startswith(EXPORTED_KEY_PREFIX) and k not in found}
    ids = []
    for text in exported:
        try:
            ids.append(uuid.UUID(text))
        except ValueError:
            continue
    for person in YoungPerson.objects.filter(pk__in=ids, external_key=""):
        found[exported[str(person.pk)]] = person
    return found


def upsert_referrals(actor, rows, on_progress=lambda done: None):
    """Young people from an import (rows already cleaned by the referral form), found again
    by their key. Runs inside the caller's transaction; every one touched is in the access log."""
    existing = young_people_by_key([values["external_key"] for values in rows])
    created = updated = 0
    for start in range(0, len(rows), IMPORT_BATCH):
        new, changed = [], []
        for values in rows[start : start + IMPORT_BATCH]:
            person = existing.get(values["external_key"])
            fields = {name: values[name] for name in REFERRAL_FIELDS}
            if person is None:
                person = YoungPerson(organisation=actor.organisation, external_key=values["external_key"], **fields)
                new.append(person)
                continue
            before = [getattr(person, name) for name in REFERRAL_FIELDS]
            for name, value in fields.items():
                setattr(person, name, value)
            if before != [getattr(person, name) for name in REFERRAL_FIELDS]:
                changed.append(person)
        YoungPerson.objects.bulk_create(new, batch_size=IMPORT_BATCH)
        YoungPerson.objects.bulk_update(changed, REFERRAL_FIELDS, batch_size=IMPORT_BATCH)
        log_many(actor, LogAction.CREATE, kind=Kind.YOUNG_PERSON, subjects=new, criterion="import")
        log_many(actor, LogAction.UPDATE, kind=Kind.YOUNG_PERSON, subjects=changed, criterion="import")
        created, updated = created + len(new), updated + len(changed)
        on_progress(min(start + IMPORT_BATCH, len(rows)))
    return {"created": created, "updated": updated, "unchanged": len(rows) - created - updated}
