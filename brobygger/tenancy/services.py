from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Membership, Organisation, Role


@transaction.atomic
def create_organisation(*, name, slug, kind, municipality=""):
    return Organisation.objects.create(name=name, slug=slug, kind=kind, municipality=municipality)


@transaction.atomic
def add_member(*, organisation, email, role, first_name="", last_name="", title="", password=None):
    """Give a user (created if new) one role in one organisation."""
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}")
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User.objects.create_user(email, password, first_name=first_name, last_name=last_name)
    membership, _ = Membership.objects.get_or_create(
        organisation=organisation, user=user, role=role, defaults={"title": title}
    )
    return membership


@transaction.atomic
def remove_member(membership):
    membership.delete()
