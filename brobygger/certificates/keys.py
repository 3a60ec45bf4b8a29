"""The organisations' signing keys, kept encrypted at rest.

A private key is stored only as a Fernet token (AES-128-CBC + HMAC-SHA256, from
`cryptography`) under a key-encryption key that lives in the environment
(BROBYGGER_CERTIFICATE_KEY_SECRET), not in the database: a copy of the database
alone cannot sign. Without that setting the key-encryption key is derived from
SECRET_KEY, which is fine for development; production sets its own (docs/deployment).
"""

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

from . import multibase


class KeyUnavailable(Exception):
    """The private key cannot be decrypted with the configured key-encryption key."""


def _fernet():
    secret = (getattr(settings, "CERTIFICATE_KEY_SECRET", "") or settings.SECRET_KEY).encode()
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"brobygger issuer keys").derive(secret)
    return Fernet(base64.urlsafe_b64encode(derived))


def new_key_pair():
    """(public multikey, encrypted private key) of a fresh Ed25519 key."""
    private = Ed25519PrivateKey.generate()
    public = multibase.public_multikey(private.public_key().public_bytes_raw())
    return public, _fernet().encrypt(private.private_bytes_raw())


def private_key(encrypted) -> Ed25519PrivateKey:
    try:
        return Ed25519PrivateKey.from_private_bytes(_fernet().decrypt(bytes(encrypted)))
    except InvalidToken as error:
        raise KeyUnavailable from error


def public_key(multikey: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(multibase.key_from_multikey(multikey, multibase.ED25519_PUBLIC))
