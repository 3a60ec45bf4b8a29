from collections.abc import Iterable
from functools import cached_property
from typing import Any

from brobygger.core.roles import Role

from . import kinds
from .rules import Cond

SESSION_KEY = "active_organisation"


class Actor:
    """The logged-in user in their active organisation, with their roles there."""

    def __init__(
        self,
        user: Any,
        organisation: Any = None,
        organisations: Iterable[Any] = (),
        roles: Iterable[str] = frozenset(),
        memberships: list[Any] | None = None,
    ) -> None:
        self.user = user
        self.organisation = organisation
        self.organisations = list(organisations)
        self.roles = frozenset(roles)
        self.memberships = memberships  # all of the user's, in every organisation; None if not read
        # The role that allowed what this request does (set by the view's rule and by `policy.fetch`):
        # the access log names it.
        self.acting_role: str = ""
        # Young people whose data the policy handed out in this request (id -> what and how), and those
        # the access log already has a row about: the rest get a row when the page is answered.
        self.reads: dict[Any, tuple[Any, Any, Any]] = {}
        self.logged_subjects: set[Any] = set()
        # The conditions that hold between the actor and a young person (policy.relation), by id.
        self.relations: dict[Any, set[Cond]] = {}

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None and self.user.is_authenticated

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @cached_property
    def young_person(self) -> Any:
        """The young person who is logged in, read once per request; None for everyone else."""
        return kinds.fact("young_person", self.user) if self.has_role(Role.YOUNG_PERSON) else None

    @property
    def young_person_id(self) -> Any:
        return self.young_person.pk if self.young_person else None

    @cached_property
    def mentor_company_ids(self) -> frozenset[Any]:
        if not self.has_role(Role.MENTOR):
            return frozenset()
        return frozenset(kinds.fact("mentor_company_ids", self.user))
