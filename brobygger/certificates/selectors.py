from brobygger.staircase.selectors import hours_total, learning_plan_of
from brobygger.tenancy.models import Organisation

from . import identity
from .models import Certificate, IssuerKey, StatusList

__all__ = ["hours_total", "learning_plan_of"]


def verify_url(certificate):
    return identity.verify_url(certificate.public_id)


def did_of(organisation):
    return identity.did(organisation.slug)


def _organisation(slug):
    return Organisation.objects.filter(slug=slug).first() if slug else None


def public_key(slug, key_id):
    """The published key (active or retired) of organisation `slug`, or None."""
    organisation = _organisation(slug)
    if organisation is None:
        return None
    row = IssuerKey.objects.with_scope(organisation=organisation.pk).filter(key_id=key_id).first()
    return row.public_key if row else None


def published_status_list(slug):
    organisation = _organisation(slug)
    if organisation is None:
        return None
    row = StatusList.objects.with_scope(organisation=organisation.pk).only("credential").first()
    return row.credential if row else None


def issuer_keys(organisation):
    return list(IssuerKey.objects.with_scope(organisation=organisation.pk).order_by("created_at"))


def organisation_by_slug(slug):
    return _organisation(slug)


def live_certificate(activity):
    return (
        Certificate.objects.filter(activity=activity)
        .exclude(state=Certificate.State.REVOKED)
        .select_related("occupation")
        .first()
    )


def live_by_activity(activity_ids):
    """{activity id: its certificate that is not revoked}."""
    rows = Certificate.objects.filter(activity_id__in=activity_ids).exclude(state=Certificate.State.REVOKED)
    return {c.activity_id: c for c in rows.only("pk", "activity_id", "state", "title")}


def issued_by_public_id(public_id):
    """An issued or revoked certificate, for the public link in its QR code."""
    return (
        Certificate.objects.with_scopes_disabled()
        .filter(public_id=public_id, state__in=(Certificate.State.ISSUED, Certificate.State.REVOKED))
        .only("credential", "state")
        .first()
    )
