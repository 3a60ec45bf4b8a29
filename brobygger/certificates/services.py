"""Writing, signing, approving, issuing and revoking learning certificates.

Each function is one transaction: a certificate is never half issued, and a
revocation is in the published status list the moment it commits.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from brobygger.audit.models import LogAction, LogKind
from brobygger.audit.services import log
from brobygger.core.errors import Refused
from brobygger.staircase.models import Activity

from . import credential as documents
from . import dataintegrity, identity, keys, statuslist
from .models import Certificate, IssuerKey, StatusList
from .selectors import hours_total

KIND = LogKind.CERTIFICATE
EDITABLE_FIELDS = ("language", "title", "tasks", "skills", "occupation", "mentor_statement")


class CertificateError(Refused):
    pass


def _now_utc():
    return documents.utc(timezone.now())


# --- keys and the status list -------------------------------------------------------------


def _new_key(organisation, number):
    public, encrypted = keys.new_key_pair()
    return IssuerKey.objects.create(
        organisation=organisation, key_id=f"key-{number}", public_key=public, encrypted_private_key=encrypted
    )


def active_key(organisation):
    key = IssuerKey.objects.filter(organisation=organisation, retired_at__isnull=True).first()
    return key or _new_key(organisation, IssuerKey.objects.filter(organisation=organisation).count() + 1)


def sign_for(organisation, document):
    key = active_key(organisation)
    return dataintegrity.sign(
        document,
        keys.private_key(key.encrypted_private_key),
        verification_method=identity.verification_method(organisation.slug, key.key_id),
        created=_now_utc(),
    )


def _publish(status_list, organisation):
    unsigned = documents.status_list(organisation, bytes(status_list.bits), updated_at=timezone.now())
    status_list.credential = sign_for(organisation, unsigned)
    status_list.save()


def _locked_status_list(organisation):
    """The organisation's list, locked for this transaction (created on first use)."""
    found = StatusList.objects.select_for_update().filter(organisation=organisation).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            created = StatusList(
                organisation=organisation, bits=statuslist.empty(), allocated=statuslist.empty(), credential={}
            )
            _publish(created, organisation)
            return created
    except IntegrityError:  # created by a concurrent first issue
        return StatusList.objects.select_for_update().get(organisation=organisation)


@transaction.atomic
def rotate_key(actor, organisation):
    """Retire the signing key and start a new one. What the old key signed still verifies:
    it stays in the DID document."""
    current = IssuerKey.objects.select_for_update().filter(organisation=organisation, retired_at__isnull=True).first()
    count = IssuerKey.objects.filter(organisation=organisation).count()
    if current is not None:
        current.retired_at = timezone.now()
        current.save(update_fields=["retired_at"])
    key = _new_key(organisation, count + 1)
    existing = StatusList.objects.select_for_update().filter(organisation=organisation).first()
    if existing is not None:
        _publish(existing, organisation)
    log(actor, LogAction.UPDATE, kind=LogKind.ISSUER_KEY, obj=key)
    return key


# --- the certificate ----------------------------------------------------------------------


def refusal(activity):
    """Why no certificate can be written for this activity, or None."""
    if not activity.is_placement:
        return _("Learning certificates are written for placements at a company.")
    if activity.state != Activity.State.ENDED:
        return _("The certificate is written when the placement has ended.")
    return None


def _check_activity(activity):
    reason = refusal(activity)
    if reason:
        raise CertificateError(reason)


@transaction.atomic
def write(actor, activity, *, data):
    """Create the certificate for an ended placement, or change the one being written.
    A change after the mentor signed takes the signature away again."""
    _check_activity(activity)
    certificate = (
        Certificate.objects.select_for_update()
        .filter(activity=activity)
        .exclude(state=Certificate.State.REVOKED)
        .first()
    )
    if certificate is None:
        certificate = Certificate(
            organisation=activity.organisation,
            activity=activity,
            young_person=activity.young_person,
            written_by=actor.user,
        )
    elif certificate.state == Certificate.State.ISSUED:
        raise CertificateError(_("The certificate is issued. Revoke it to write a new one."))
    for name in EDITABLE_FIELDS:
        if name in data:
            setattr(certificate, name, data[name])
    certificate.hours = hours_total(activity)
    certificate.starts_on = activity.starts_on
    certificate.ends_on = activity.ended_on or activity.ends_on
    _unsign(certificate)
    certificate.full_clean()
    certificate.save()
    log(actor, LogAction.UPDATE, kind=KIND, subject=activity.young_person, obj=certificate)
    return certificate


def _unsign(certificate):
    certificate.state = Certificate.State.DRAFT
    certificate.signed_by = None
    certificate.signed_name = ""
    certificate.signed_at = None


def _locked(certificate, *states):
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.state not in states:
        raise CertificateError(_("The certificate has changed in the meantime. Reload the page."))
    return locked


@transaction.atomic
def sign(actor, certificate, *, signed_name):
    """The mentor signs in the platform; the young person is asked next."""
    certificate = _locked(certificate, Certificate.State.DRAFT)
    signed_name = (signed_name or "").strip()
    if not signed_name:
        raise CertificateError(_("Write the name of the person who signs for the company."))
    certificate.hours = hours_total(certificate.activity)
    certificate.state = Certificate.State.SIGNED
    certificate.signed_by = actor.user
    certificate.signed_name = signed_name[:200]
    certificate.signed_at = timezone.now()
    certificate.changes_asked = ""
    certificate.save()
    log(actor, LogAction.UPDATE, kind=KIND, subject=certificate.young_person, obj=certificate)
    return certificate


@transaction.atomic
def ask_for_changes(actor, certificate, *, text):
    """The young person does not approve yet: back to the company with what to change."""
    certificate = _locked(certificate, Certificate.State.SIGNED)
    text = (text or "").strip()
    if not text:
        raise CertificateError(_("Write what you would like changed."))
    _unsign(certificate)
    certificate.changes_asked = text
    certificate.full_clean()
    certificate.save()
    log(actor, LogAction.UPDATE, kind=KIND, subject=certificate.young_person, obj=certificate)
    return certificate


@transaction.atomic
def approve(actor, certificate, *, email):
    """The young person approves: the credential is signed and issued to them.
    Only a salted hash of the e-mail address goes into the credential."""
    certificate = _locked(certificate, Certificate.State.SIGNED)
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise CertificateError(_("Write an e-mail address the certificate can be checked against.")) from error
    organisation = certificate.organisation
    status_list = _locked_status_list(organisation)
    allocated = bytes(status_list.allocated) or statuslist.empty()
    certificate.status_index = statuslist.random_free_index(allocated)
    status_list.allocated = statuslist.with_bit(allocated, certificate.status_index)
    status_list.save(update_fields=["allocated"])
    certificate.issued_at = timezone.now()
    activity = certificate.activity
    unsigned = documents.open_badge(
        certificate,
        organisation=organisation,
        company_name=activity.company.name if activity.company_id else "",
        email=email,
        holder_name=certificate.young_person.full_name,
        status_index=certificate.status_index,
        issued_at=certificate.issued_at,
    )
    certificate.credential = sign_for(organisation, unsigned)
    certificate.state = Certificate.State.ISSUED
    certificate.save()
    log(actor, LogAction.CREATE, kind=KIND, subject=certificate.young_person, obj=certificate)
    return certificate


@transaction.atomic
def revoke(actor, certificate, *, reason):
    """Withdraw an issued certificate; the signed status list says so at once."""
    certificate = _locked(certificate, Certificate.State.ISSUED)
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Write why the certificate is revoked."))
    status_list = _locked_status_list(certificate.organisation)
    status_list.bits = statuslist.with_bit(bytes(status_list.bits), certificate.status_index)
    _publish(status_list, certificate.organisation)
    certificate.state = Certificate.State.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = actor.user
    certificate.revoked_reason = reason[:500]
    certificate.save()
    log(actor, LogAction.UPDATE, kind=KIND, subject=certificate.young_person, obj=certificate)
    return certificate
