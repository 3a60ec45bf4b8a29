import secrets
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope

from brobygger.accounts import services as accounts
from brobygger.core import tokens
from brobygger.core.errors import Refused

from .models import Invitation, Membership, Organisation, Role

INVITATION_DAYS = 7

# Sent inside the acceptance's transaction: (invitation, user). The app that asked for the
# invitation (a young person's login) finishes its side of it.
invitation_accepted = Signal()


class NeedsLogin(Refused):
    """The invited address belongs to an account: its owner logs in, then accepts."""


@transaction.atomic
def create_organisation(*, name, slug, kind, municipality=""):
    return Organisation.objects.create(name=name, slug=slug, kind=kind, municipality=municipality)


@transaction.atomic
def add_member(*, organisation, email, role, first_name="", last_name="", title="", password=None):
    """Give the owner of a proved address one role (the installation's own set-up: the demo, the
    tests, a management command, where the operator vouches for the address). Pages invite instead."""
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}")
    user = accounts.verified_owner(email) or accounts.create_verified_user(
        email, password, first_name=first_name, last_name=last_name
    )
    membership, _created = Membership.objects.get_or_create(
        organisation=organisation, user=user, role=role, defaults={"title": title}
    )
    return membership


@transaction.atomic
def remove_member(membership):
    membership.delete()


@transaction.atomic
def invite(actor, *, email, role, first_name="", last_name="", title="", base_url) -> Invitation:
    """Send a one-time link to the address. The answer is the same whether or not the address
    has a login anywhere: nothing is looked up until its owner opens the link."""
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}")
    email = email.lower()
    organisation = actor.organisation
    Invitation.objects.filter(email=email, role=role, accepted_at__isnull=True, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now()
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        first_name=first_name,
        last_name=last_name,
        title=title,
        token_hash=tokens.digest(token),
        invited_by=actor.user,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    link = base_url.rstrip("/") + reverse("invitation_accept", kwargs={"token": token})
    transaction.on_commit(lambda: _send(invitation, link))
    return invitation


def _send(invitation, link):
    with translation.override(settings.LANGUAGE_CODE):
        context = {"invitation": invitation, "organisation": invitation.organisation, "link": link}
        context["role"] = invitation.get_role_display()
        context["days"] = INVITATION_DAYS
        send_mail(
            _("Your login to Brobygger at %(organisation)s") % {"organisation": invitation.organisation.name},
            render_to_string("tenancy/invitation_email.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [invitation.email],
        )


@transaction.atomic
def cancel(invitation):
    Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(cancelled_at=timezone.now())


def usable(invitation) -> bool:
    return invitation.accepted_at is None and invitation.cancelled_at is None and invitation.expires_at > timezone.now()


def needs_login(invitation) -> bool:
    """Some login has proved the invited address: its owner logs in and accepts there."""
    return accounts.verified_owner(invitation.email) is not None


@transaction.atomic
def accept(invitation, *, user=None, password=None):
    """Open the invitation for the logged-in `user` (who must have proved the invited address), or
    make a new login for the address with `password`. Returns the user who now holds the role."""
    with scope(organisation=invitation.organisation_id):
        return _accept(invitation, user, password)


def _accept(invitation, user, password):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not usable(invitation):
        raise Refused(_("This invitation has been used, cancelled or has expired. Ask for a new one."))
    if user is not None:
        if not accounts.has_verified(user, invitation.email):
            raise Refused(
                _("This invitation was sent to %(email)s, which is not the address of your login. Log out first.")
                % {"email": invitation.email}
            )
    else:
        if needs_login(invitation):
            raise NeedsLogin(_("You already have a login with this address. Log in to accept the invitation."))
        user = accounts.create_verified_user(
            invitation.email, password, first_name=invitation.first_name, last_name=invitation.last_name
        )
    Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, role=invitation.role, defaults={"title": invitation.title}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    invitation_accepted.send(sender=Invitation, invitation=invitation, user=user)
    return user
