"""Authenticated field encryption (AES-256-GCM) with key ids, failing closed.

A stored value reads `bro1$<key id>$<base64 of nonce + ciphertext + tag>`.
The model and field name are bound in as associated data, so a value copied
into another column does not decrypt. Anything that does not decrypt raises
DecryptionError; a ciphertext is never handed on as if it were the text.
"""

import base64
import hashlib
import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .keys import keyring

PREFIX = "bro1"
NONCE_BYTES = 12


class DecryptionError(Exception):
    """An encrypted value could not be read: the key is missing or wrong, or the value was altered."""


def encrypt(text, context):
    ring = keyring()
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(ring.keys[ring.current_id]).encrypt(nonce, text.encode(), context.encode())
    return f"{PREFIX}${ring.current_id}${base64.urlsafe_b64encode(nonce + sealed).decode()}"


def key_id_of(stored):
    parts = stored.split("$")
    return parts[1] if len(parts) == 3 and parts[0] == PREFIX else None


def decrypt(stored, context):
    parts = stored.split("$")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise DecryptionError(f"{context}: the stored value is not encrypted by this application")
    key = keyring().keys.get(parts[1])
    if key is None:
        raise DecryptionError(f"{context}: no key with id {parts[1]!r} is configured")
    try:
        raw = base64.urlsafe_b64decode(parts[2])
        return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode()).decode()
    except (InvalidTag, ValueError) as error:
        raise DecryptionError(f"{context}: the value does not decrypt with key {parts[1]!r}") from error


def blind_index(normalised, purpose):
    """A keyed digest to find a value without storing it readably (HMAC-SHA256)."""
    message = f"{purpose}:{normalised}".encode()
    return hmac.new(keyring().blind_index_key, message, hashlib.sha256).hexdigest()
