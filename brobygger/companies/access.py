"""Companies and their offers; a mentor reaches their own company's."""

from django.db.models import Q

from brobygger.access import kinds
from brobygger.access.rules import Cond, Kind

from . import selectors
from .models import Company, Offer

kinds.register(
    Kind.COMPANY, Company.objects.all, conditions={Cond.OWN_COMPANY: lambda actor: Q(pk__in=actor.mentor_company_ids)}
)
kinds.register(
    Kind.OFFER,
    Offer.objects.all,
    conditions={Cond.OWN_COMPANY: lambda actor: Q(company_id__in=actor.mentor_company_ids)},
)
kinds.register_fact("mentor_company_ids", selectors.company_ids_of_mentor)
