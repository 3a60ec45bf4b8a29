"""The documents we sign: a læringsbevis as an Open Badges 3.0 OpenBadgeCredential
(VC Data Model 2.0, achievementType Fieldwork) and the organisation's
BitstringStatusListCredential; and `describe`, which reads back what a credential
certifies for the verify page and the PDF."""

import hashlib
import secrets
import unicodedata
import uuid
from datetime import UTC

from django.utils import translation
from django.utils.translation import gettext as _

from . import identity, statuslist
from .jsonld import CREDENTIALS_V2, OPEN_BADGES_V3

ESCO_FRAMEWORK = "ESCO"


def utc(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_start(day):
    return f"{day.isoformat()}T00:00:00Z"


def normalise_email(email):
    return email.strip().lower()


def normalise_name(name):
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def identity_hash(value, salt):
    """OB 3.0 IdentityObject hash: sha256 of the identity followed by the salt."""
    return "sha256$" + hashlib.sha256((value + salt).encode()).hexdigest()


def hashed_identity(kind, value):
    salt = secrets.token_hex(16)
    return {
        "type": "IdentityObject",
        "identityType": kind,
        "hashed": True,
        "identityHash": identity_hash(value, salt),
        "salt": salt,
    }


def belongs_to(credential, claimed):
    """Does the credential's subject match an e-mail address or a name someone typed?"""
    subject = credential.get("credentialSubject") or {}
    for entry in subject.get("identifier") or []:
        if not isinstance(entry, dict) or not entry.get("hashed"):
            continue
        normalise = normalise_email if entry.get("identityType") == "emailAddress" else normalise_name
        if identity_hash(normalise(claimed), str(entry.get("salt", ""))) == entry.get("identityHash"):
            return True
    return False


def _evidence(name, narrative):
    return {"type": ["Evidence"], "name": name, "narrative": narrative}


def open_badge(certificate, *, organisation, company_name, email, holder_name, status_index, issued_at):
    """The unsigned OpenBadgeCredential for an approved certificate."""
    from brobygger.staircase.services import hours_text

    slug = organisation.slug
    list_url = identity.status_list_url(slug)
    with translation.override(certificate.language):
        period = " – ".join(d.strftime("%d-%m-%Y") for d in (certificate.starts_on, certificate.ends_on) if d)
        achievement = {
            "id": f"urn:uuid:{uuid.uuid5(certificate.public_id, 'achievement')}",
            "type": ["Achievement"],
            "achievementType": "Fieldwork",
            "inLanguage": certificate.language,
            "name": certificate.title,
            "description": _("%(kind)s at %(company)s")
            % {
                "kind": certificate.activity.get_kind_display(),
                "company": company_name,
            },
            "criteria": {"narrative": certificate.tasks},
        }
        skills = certificate.skill_list()
        if skills:
            achievement["tag"] = skills
        if certificate.occupation_id:
            achievement["alignment"] = [
                {
                    "type": ["Alignment"],
                    "targetName": certificate.occupation.label,
                    "targetUrl": certificate.occupation.uri,
                    "targetFramework": ESCO_FRAMEWORK,
                    "targetType": "ext:ESCOOccupation",
                }
            ]
        subject = {
            "type": ["AchievementSubject"],
            "identifier": [hashed_identity("emailAddress", normalise_email(email))]
            + [hashed_identity("name", normalise_name(holder_name))],
            "achievement": achievement,
        }
        if certificate.starts_on:
            subject["activityStartDate"] = day_start(certificate.starts_on)
        if certificate.ends_on:
            subject["activityEndDate"] = day_start(certificate.ends_on)
        evidence = [
            _evidence(
                _("Place and hours"),
                _("%(company)s, %(hours)s hours, %(period)s")
                % {"company": company_name, "hours": hours_text(certificate.hours), "period": period},
            ),
            _evidence(_("Tasks"), certificate.tasks),
            _evidence(
                _("The mentor's statement"),
                f"{certificate.mentor_statement}\n— {certificate.signed_name}, {company_name}",
            ),
        ]
        if skills:
            evidence.append(_evidence(_("Skills shown"), "\n".join(skills)))
        return {
            "@context": [CREDENTIALS_V2, OPEN_BADGES_V3],
            "id": f"urn:uuid:{certificate.public_id}",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": _("Learning certificate: %(title)s") % {"title": certificate.title},
            "issuer": {
                "id": identity.did(slug),
                "type": ["Profile"],
                "name": organisation.name,
                "url": identity.public_url("/"),
            },
            "validFrom": utc(issued_at),
            "credentialSubject": subject,
            "evidence": evidence,
            "credentialStatus": {
                "id": f"{list_url}#{status_index}",
                "type": "BitstringStatusListEntry",
                "statusPurpose": "revocation",
                "statusListIndex": str(status_index),
                "statusListCredential": list_url,
            },
        }


def status_list(organisation, bits, *, updated_at):
    url = identity.status_list_url(organisation.slug)
    return {
        "@context": [CREDENTIALS_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": identity.did(organisation.slug),
        "validFrom": utc(updated_at),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": statuslist.encode(bits),
        },
    }


def _text(value):
    return value if isinstance(value, str) else ""


def describe(credential):
    """What a credential certifies, as plain values to show (never trusted by itself:
    the verify result says whether to believe it)."""
    if not isinstance(credential, dict):
        return {}
    subject = credential.get("credentialSubject") if isinstance(credential.get("credentialSubject"), dict) else {}
    achievement = subject.get("achievement") if isinstance(subject.get("achievement"), dict) else {}
    issuer = credential.get("issuer")
    criteria = achievement.get("criteria") if isinstance(achievement.get("criteria"), dict) else {}
    return {
        "name": _text(credential.get("name")) or _text(achievement.get("name")),
        "title": _text(achievement.get("name")),
        "description": _text(achievement.get("description")),
        "issuer": _text(issuer.get("name")) if isinstance(issuer, dict) else "",
        "issued": _text(credential.get("validFrom"))[:10],
        "starts": _text(subject.get("activityStartDate"))[:10],
        "ends": _text(subject.get("activityEndDate"))[:10],
        "tasks": _text(criteria.get("narrative")),
        "skills": [t for t in achievement.get("tag") or [] if isinstance(t, str)],
        "occupations": [
            {"label": _text(a.get("targetName")), "url": _text(a.get("targetUrl"))}
            for a in achievement.get("alignment") or []
            if isinstance(a, dict)
        ],
        "evidence": [
            {"name": _text(e.get("name")), "narrative": _text(e.get("narrative"))}
            for e in credential.get("evidence") or []
            if isinstance(e, dict)
        ],
    }


def did_document(slug, issuer_keys):
    """The did:web document of an organisation: every key it has signed with, so
    credentials signed before a rotation still verify."""
    did = identity.did(slug)
    methods = [
        {
            "id": identity.verification_method(slug, key.key_id),
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": key.public_key,
        }
        for key in issuer_keys
    ]
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }
