"""The keys for field encryption and the CPR blind index.

They are kept apart from SECRET_KEY and out of the database (security.md R26):
production reads them from the environment or from a file only the app's
user can read. `BROBYGGER_FIELD_KEYS` is a comma-separated list of
`key-id:base64 key` (32 bytes each); the first is used for new values, the
others still decrypt, so keys rotate by putting a new one first and running
`manage.py rotate_field_keys`. `BROBYGGER_BLIND_INDEX_KEY` is one base64 key.
"""

import base64
import binascii
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_BYTES = 32
# For DEBUG and tests only; `check --deploy` refuses them.
DEV_FIELD_KEYS = "dev1:ZGV2LW9ubHktZmllbGQta2V5LW5ldmVyLWluLXByb2Q="
DEV_BLIND_INDEX_KEY = "ZGV2LW9ubHktYmxpbmQtaW5kZXgta2V5LW5vLXByb2Q="


@dataclass(frozen=True)
class Keyring:
    current_id: str
    keys: dict  # key id -> 32 bytes
    blind_index_key: bytes


def _decode(text, what):
    try:
        key = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except (binascii.Error, ValueError) as error:
        raise ImproperlyConfigured(f"{what} is not valid base64") from error
    if len(key) != KEY_BYTES:
        raise ImproperlyConfigured(f"{what} must be {KEY_BYTES} bytes, not {len(key)}")
    return key


def parse_field_keys(text):
    """`id:key,id:key` -> (current id, {id: key}). The first is current."""
    keys = {}
    for part in (p for p in text.replace("\n", ",").split(",") if p.strip()):
        key_id, sep, encoded = part.strip().partition(":")
        if not sep or not key_id.isalnum():
            raise ImproperlyConfigured(
                "Each field key must be written as key-id:base64-key (the id letters and digits)"
            )
        if key_id in keys:
            raise ImproperlyConfigured(f"Field key id {key_id!r} is given twice")
        keys[key_id] = _decode(encoded, f"Field key {key_id!r}")
    if not keys:
        raise ImproperlyConfigured("No field encryption keys are configured (BROBYGGER_FIELD_KEYS)")
    return next(iter(keys)), keys


@cache
def keyring():
    current, keys = parse_field_keys(settings.FIELD_ENCRYPTION_KEYS)
    if not settings.BLIND_INDEX_KEY:
        raise ImproperlyConfigured("No blind-index key is configured (BROBYGGER_BLIND_INDEX_KEY)")
    index_key = _decode(settings.BLIND_INDEX_KEY, "The blind-index key")
    if index_key in keys.values():
        raise ImproperlyConfigured("The blind-index key must differ from every field key")
    return Keyring(current, keys, index_key)


def reset():
    """Forget the loaded keys (after the settings change: tests, rotation)."""
    keyring.cache_clear()
