"""Checking a credential: valid, revoked, tampered or could not check.

Only what can be checked here, offline, is ever called valid: our own issuers
(did:web on PUBLIC_URL, keys from the database, retired ones too) and our own
status lists. Anything else is "could not check", never "revoked" or "tampered".
"""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.utils.translation import gettext_lazy as _
from pyld.jsonld import JsonLdError

from . import dataintegrity, identity, keys, selectors, statuslist
from .credential import describe
from .jsonld import ContextProblem

VALID, REVOKED, TAMPERED, EXPIRED, UNKNOWN = "valid", "revoked", "tampered", "expired", "unknown"

MESSAGES = {
    VALID: _("Valid. The certificate is signed by the organisation named below and has not been changed or revoked."),
    REVOKED: _("Revoked. The organisation that issued the certificate has withdrawn it."),
    TAMPERED: _("Not valid. The certificate has been changed after it was signed, or the signature is wrong."),
    EXPIRED: _("Not valid now. The certificate is outside the period it is valid for."),
    UNKNOWN: _("Could not check. We could not confirm the signature or the status; that does not mean it is false."),
}

MAX_BYTES = 200_000


class StatusUnavailable(Exception):
    """The status list could not be fetched or read."""


@dataclass
class Result:
    state: str
    reason: str = ""
    certified: dict = field(default_factory=dict)
    issued_by: str = ""

    @property
    def message(self):
        return MESSAGES[self.state]

    def as_json(self):
        return {
            "result": self.state,
            "message": str(self.message),
            "reason": str(self.reason),
            "issuer": self.issued_by,
            "certified": self.certified,
        }


def parse(raw):
    """A credential from pasted or uploaded text; ValueError when it is not a JSON object."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise ValueError(_("The file is too large to be a certificate."))
        raw = raw.decode("utf-8", errors="strict")
    if len(raw) > MAX_BYTES:
        raise ValueError(_("The text is too long to be a certificate."))
    try:
        document = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(_("This is not a certificate file (not JSON).")) from error
    if not isinstance(document, dict):
        raise ValueError(_("This is not a certificate file (not JSON).")) from None
    return document


def _our_key(method):
    """(issuer DID, public key) behind one of our verification methods, or None."""
    parsed = identity.parse_verification_method(method)
    if parsed is None:
        return None
    slug, key_id = parsed
    multikey = selectors.public_key(slug, key_id)
    return (identity.did(slug), keys.public_key(multikey)) if multikey else None


def _issuer_id(document):
    issuer = document.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def check_signature(document):
    """VALID, TAMPERED or UNKNOWN with a reason, for the proof alone."""
    try:
        proof = dataintegrity.check_shape(document)
    except dataintegrity.ProofError:
        return TAMPERED, _("It has no signature we recognise (eddsa-rdfc-2022).")
    found = _our_key(proof["verificationMethod"])
    if found is None:
        return UNKNOWN, _("It was not issued from this platform, so we cannot check its issuer here.")
    issuer, public_key = found
    if _issuer_id(document) != issuer:  # a key signs only for the organisation it belongs to
        return TAMPERED, _("It names another issuer than the one whose key signed it.")
    try:
        ok = dataintegrity.verify(document, public_key)
    except ContextProblem:
        return UNKNOWN, _("It uses a vocabulary (JSON-LD context) we cannot check offline.")
    except (dataintegrity.ProofError, JsonLdError, ValueError, TypeError, KeyError):
        return TAMPERED, _("Its contents cannot be read as a signed credential.")
    return (VALID, "") if ok else (TAMPERED, _("The signature does not match the contents."))


def local_status_list(url):
    """One of our published status lists, or StatusUnavailable."""
    slug = identity.parse_status_list_url(url)
    published = selectors.published_status_list(slug) if slug else None
    if published is None:
        raise StatusUnavailable(url)
    return published


def check_status(document, fetch_status_list=local_status_list):
    """REVOKED, VALID or UNKNOWN for the credential's revocation entry."""
    entry = document.get("credentialStatus")
    if entry is None:
        return VALID, ""
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        return UNKNOWN, _("Its status entry is of a kind we cannot check.")
    try:
        index = int(entry.get("statusListIndex"))
        status_list = fetch_status_list(entry.get("statusListCredential"))
    except (TypeError, ValueError, StatusUnavailable):
        return UNKNOWN, _(
            "The list of revoked certificates could not be reached, so we cannot say whether it is revoked."
        )
    signature, _reason = check_signature(status_list)
    subject = status_list.get("credentialSubject") or {}
    if signature != VALID or _issuer_id(status_list) != _issuer_id(document):
        return UNKNOWN, _("The list of revoked certificates is not signed by the issuer.")
    try:
        bits = statuslist.decode(subject.get("encodedList"))
        revoked = statuslist.is_set(bits, index)
    except statuslist.StatusListError:
        return UNKNOWN, _("The list of revoked certificates could not be read.")
    return (REVOKED, "") if revoked else (VALID, "")


def _in_validity_period(document, now):
    try:
        until = document.get("validUntil")
        if until and datetime.fromisoformat(until.replace("Z", "+00:00")) < now:
            return False
        since = document.get("validFrom")
        return not (since and datetime.fromisoformat(since.replace("Z", "+00:00")) > now)
    except (AttributeError, TypeError, ValueError):
        return False


def verify(document, fetch_status_list=local_status_list, now=None):
    now = now or datetime.now(UTC)
    certified = describe(document)
    issuer = certified.get("issuer", "")
    signature, reason = check_signature(document)
    if signature != VALID:
        return Result(signature, reason, certified, issuer)
    if not _in_validity_period(document, now):
        return Result(EXPIRED, "", certified, issuer)
    status, reason = check_status(document, fetch_status_list)
    return Result(status, reason, certified, issuer)
