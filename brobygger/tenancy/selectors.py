from django.utils import timezone
from django_scopes import scopes_disabled

from brobygger.access.actor import SESSION_KEY, Actor
from brobygger.core import tokens

from .models import Invitation, Membership, Organisation, Role


def memberships_of(user):
    """All memberships of one user across organisations.

    This is the one read that must cross tenants (to know which organisations
    a user may enter), so it is done here, explicitly, and nowhere else.
    """
    if not user.is_authenticated:
        return []
    with scopes_disabled():
        return list(Membership.objects.filter(user=user).select_related("organisation"))


def organisations_of(memberships):
    seen = {}
    for m in memberships:
        seen.setdefault(m.organisation_id, m.organisation)
    return sorted(seen.values(), key=lambda org: org.name)


def organisation_by_id(org_id):
    return Organisation.objects.filter(pk=org_id).first()


def roles_in_active_organisation(user):
    """The roles the user holds in the organisation of the active scope."""
    return set(Membership.objects.filter(user=user).values_list("role", flat=True))


def members(organisation):
    return (
        Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "role")
    )


def invitation_by_token(token):
    """The invitation a link names, in any organisation (the link is the secret), or None."""
    with scopes_disabled():
        return Invitation.objects.filter(token_hash=tokens.digest(token)).select_related("organisation").first()


def open_invitations():
    """Invitations not yet opened, cancelled or expired."""
    return Invitation.objects.filter(accepted_at__isnull=True, cancelled_at__isnull=True, expires_at__gt=timezone.now())


def pending_invitations(organisation):
    """The organisation's professionals invited and not yet in."""
    return open_invitations().filter(organisation=organisation).exclude(role=Role.YOUNG_PERSON)


def actor_in(user, organisation) -> Actor:
    """The user acting in one organisation with the roles they hold there now (none if they left)."""
    roles = {m.role for m in memberships_of(user) if m.organisation_id == organisation.pk}
    return Actor(user, organisation, [organisation], roles)


def actor_of(request) -> Actor:
    """The user of a request in the organisation they chose (the session remembers it), or their first."""
    user = request.user
    memberships = memberships_of(user)
    if not memberships:
        return Actor(user, memberships=memberships)
    organisations = organisations_of(memberships)
    wanted = request.session.get(SESSION_KEY)
    active = next((org for org in organisations if str(org.pk) == wanted), organisations[0])
    roles = {m.role for m in memberships if m.organisation_id == active.pk}
    return Actor(user, active, organisations, roles, memberships)
