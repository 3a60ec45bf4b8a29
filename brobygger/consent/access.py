"""Consents, the young people a consent lets a mentor see, and those shared with another organisation."""

from django.db.models import Q

from brobygger.access import kinds
from brobygger.access.rules import Cond, Kind
from brobygger.people.models import YoungPerson

from . import selectors
from .models import Consent

kinds.register(Kind.CONSENT, Consent.objects.all, young_person_field="young_person_id")
kinds.register_young_person_condition(
    Cond.CONSENT,
    lambda actor: Consent.objects.filter(withdrawn_at__isnull=True, company_id__in=actor.mentor_company_ids).values(
        "young_person_id"
    ),
)
# Deliberately across organisations; the SHARED condition is the only filter that applies to this
# kind (see test_rules_table_is_well_formed).
kinds.register(
    Kind.SHARED_PERSON,
    YoungPerson.objects.with_scopes_disabled().all,
    young_person_field="pk",
    conditions={Cond.SHARED: lambda actor: Q(pk__in=selectors.young_people_shared_with(actor.organisation))},
)
kinds.register_consented_categories(selectors.consented_categories)
