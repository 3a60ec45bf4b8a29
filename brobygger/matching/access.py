"""Rounds of mutual choice: a seat is withdrawn by the round's owner, an offer ranked by its company."""

from django.db.models import Q

from brobygger.access import kinds
from brobygger.access.rules import Cond, Kind

from .models import MatchWeights, Round, RoundOffer, RoundSeat

kinds.register(Kind.MATCH_WEIGHTS, MatchWeights.objects.all)
kinds.register(Kind.ROUND, Round.objects.all)
kinds.register(
    Kind.ROUND_SEAT,
    RoundSeat.objects.all,
    young_person_field="young_person_id",
    conditions={Cond.ROUND_OWNER: lambda actor: Q(round__created_by=actor.user)},
)
kinds.register(
    Kind.ROUND_OFFER,
    RoundOffer.objects.all,
    conditions={Cond.OWN_COMPANY: lambda actor: Q(offer__company_id__in=actor.mentor_company_ids)},
)
