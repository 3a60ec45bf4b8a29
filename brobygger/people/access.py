"""The young person and their team, as the rules table knows them; and who is on a team."""

from brobygger.access import kinds
from brobygger.access.rules import Cond, Kind

from . import selectors
from .models import TeamMember, YoungPerson

kinds.register(Kind.YOUNG_PERSON, YoungPerson.objects.all, young_person_field="pk")
kinds.register(Kind.TEAM_MEMBER, TeamMember.objects.all, young_person_field="young_person_id")
kinds.register_young_person_condition(
    Cond.TEAM, lambda actor: TeamMember.objects.filter(user=actor.user).values("young_person_id")
)
kinds.register_fact("young_person", selectors.young_person_of_user)
