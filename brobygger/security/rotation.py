"""Re-encrypt everything under the current field key and recompute blind indexes.

Put the new key first in BROBYGGER_FIELD_KEYS (keeping the old ones after it),
run `manage.py rotate_field_keys`, then remove the old keys. Safe to run again:
values already under the current key are left alone.
"""

from django.apps import apps
from django.db import connection, transaction
from django_scopes import scopes_disabled

from . import columns, crypto
from .cpr import index as cpr_index
from .fields import EncryptedTextField
from .keys import keyring
from .mfa import SECRET_CONTEXT

MFA_SECRET_KEYS = ("secret", "seed")


def encrypted_columns():
    """(model, [field names]) for every model with encrypted fields."""
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            yield model, names


def _rotate_value(stored, context, current):
    if not stored or crypto.key_id_of(stored) == current:
        return stored
    return crypto.encrypt(crypto.decrypt(stored, context), context)


def rotate_model(model, names):
    current = keyring().current_id
    return columns.rewrite(connection, model, names, lambda stored, context: _rotate_value(stored, context, current))


def rotate_mfa_secrets():
    from allauth.mfa.models import Authenticator

    current, changed = keyring().current_id, 0
    with transaction.atomic():
        for authenticator in Authenticator.objects.select_for_update():
            data = dict(authenticator.data)
            for key in MFA_SECRET_KEYS:
                if key in data:
                    data[key] = _rotate_value(data[key], SECRET_CONTEXT, current)
            if data != authenticator.data:
                Authenticator.objects.filter(pk=authenticator.pk).update(data=data)
                changed += 1
    return changed


def reindex_cpr():
    # By name: key rotation stands below the apps whose columns it rotates.
    YoungPerson = apps.get_model("people", "YoungPerson")  # noqa: N806
    changed = 0
    with scopes_disabled(), transaction.atomic():
        for person in YoungPerson.objects.exclude(cpr_index="").only("pk", "cpr", "cpr_index"):
            index = cpr_index(person.cpr)
            if index != person.cpr_index:
                YoungPerson.objects.filter(pk=person.pk).update(cpr_index=index)
                changed += 1
    return changed


def rotate_all():
    """{what: rows changed}."""
    counts = {model._meta.label: rotate_model(model, names) for model, names in encrypted_columns()}
    counts["mfa.Authenticator"] = rotate_mfa_secrets()
    counts["people.YoungPerson (CPR index)"] = reindex_cpr()
    return counts
