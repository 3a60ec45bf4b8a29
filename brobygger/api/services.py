import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from brobygger.core import tokens
from brobygger.tenancy.selectors import actor_in

from .models import AccessToken

TOKEN_PREFIX = "bro_"
LAST_USED_RESOLUTION = timedelta(minutes=1)


@transaction.atomic
def create_token(actor, *, name):
    """A new token for the actor in their active organisation. Returns (token row, the token itself)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = AccessToken.objects.create(
        organisation=actor.organisation,
        user=actor.user,
        name=name.strip(),
        prefix=token[: len(TOKEN_PREFIX) + 6],
        digest=tokens.digest(token),
    )
    return row, token


@transaction.atomic
def revoke_token(row):
    if row.revoked_at is None:
        row.revoked_at = timezone.now()
        row.save(update_fields=["revoked_at"])
    return row


def actor_for_token(token):
    """The actor a token acts as, or None when the token is unknown, revoked, or its user
    is deactivated or no longer a member of the token's organisation."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    with scopes_disabled():
        row = (
            AccessToken.objects.select_related("user", "organisation")
            .filter(digest=tokens.digest(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if row is None:
            return None
        actor = actor_in(row.user, row.organisation)
        if not actor.roles:
            return None
        _note_use(row)
    return actor


def _note_use(row):
    now = timezone.now()
    if row.last_used_at is None or now - row.last_used_at > LAST_USED_RESOLUTION:
        AccessToken.objects.filter(pk=row.pk).update(last_used_at=now)
