"""Activities: a mentor reaches one at their own company while the young person consents to share with it."""

from brobygger.access import kinds
from brobygger.access.rules import Cond, Kind
from brobygger.consent.selectors import consented_at_mentors_company

from .models import Activity

kinds.register(
    Kind.ACTIVITY,
    Activity.objects.all,
    young_person_field="young_person_id",
    conditions={Cond.CONSENT: lambda actor: consented_at_mentors_company(actor.mentor_company_ids)},
)
