"""Certificates are reached as their activity is; the issuer key is the organisation's."""

from brobygger.access import kinds
from brobygger.access.rules import Cond, Kind
from brobygger.consent.selectors import consented_at_mentors_company

from .models import Certificate, IssuerKey

kinds.register(
    Kind.CERTIFICATE,
    Certificate.objects.all,
    young_person_field="young_person_id",
    conditions={
        Cond.CONSENT: lambda actor: consented_at_mentors_company(actor.mentor_company_ids, through="activity__")
    },
)
kinds.register(Kind.ISSUER_KEY, IssuerKey.objects.all)
