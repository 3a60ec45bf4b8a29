"""Who owns an e-mail address. An address identifies a person only once they have shown
they read its mailbox (allauth's verified `EmailAddress`, or an invitation link opened)."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from brobygger.core.errors import Refused


def verified_owner(email: str):
    """The account that has proved it reads this address, or None."""
    row = EmailAddress.objects.filter(email__iexact=email, verified=True).select_related("user").first()
    return row.user if row is not None else None


def has_verified(user, email: str) -> bool:
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


@transaction.atomic
def create_verified_user(email: str, password: str | None = None, **names):
    """A new account for an address its owner has just proved (an invitation opened), or that
    the installation's operator vouches for (the demo, a management command)."""
    email = email.lower()
    release_unproved_claims(email)
    user = get_user_model().objects.create_user(email, password, **names)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def release_unproved_claims(email: str) -> None:
    """Take an address away from every account that only claims it: its owner has proved it.
    An account whose login name is the address falls back to an address it has proved."""
    EmailAddress.objects.filter(email__iexact=email, verified=False).delete()
    for claimant in get_user_model().objects.filter(email__iexact=email):
        proved = EmailAddress.objects.filter(user=claimant, verified=True).order_by("-primary").first()
        if proved is None:
            # Nothing else to log in with: refuse rather than guess (an administrator sorts it out).
            raise Refused(
                _("This address cannot be used for a new login yet. Ask your organisation's administrator for help.")
            )
        claimant.email = proved.email
        claimant.save(update_fields=["email"])
        EmailAddress.objects.filter(pk=proved.pk).update(primary=True)
