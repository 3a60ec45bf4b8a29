"""The readable certificate: a Danish (or English) A4 page with a QR code to its
public verify page, rendered by WeasyPrint from the issued credential itself, so
the paper and the signed file cannot say different things."""

import segno
from django.utils import translation

from brobygger.core.pdf import render_pdf

from . import identity
from .credential import describe


def qr_svg(url):
    return segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000", light="#fff")


def certificate_pdf(certificate):
    url = identity.verify_url(certificate.public_id)
    context = {
        "certificate": certificate,
        "certified": describe(certificate.credential),
        "holder": certificate.young_person.full_name,
        "verify_url": url,
        "qr": qr_svg(url),
        "issuer_did": identity.did(certificate.organisation.slug),
    }
    with translation.override(certificate.language):
        return render_pdf("certificates/certificate_pdf.html", context)
