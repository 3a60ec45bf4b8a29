from functools import cached_property

from brobygger.tenancy import selectors as tenancy_selectors
from brobygger.tenancy.models import Role

SESSION_KEY = "active_organisation"


class Actor:
    """The logged-in user in their active organisation, with their roles there."""

    def __init__(self, user, organisation=None, organisations=(), roles=frozenset(), memberships=None):
        self.user = user
        self.organisation = organisation
        self.organisations = list(organisations)
        self.roles = frozenset(roles)
        self.memberships = memberships  # all of the user's, in every organisation; None if not read
        # Young people whose data the policy handed out in this request (id -> what and how), and those
        # the access log already has a row about: the rest get a row when the page is answered.
        self.reads: dict = {}
        self.logged_subjects: set = set()

    @property
    def is_authenticated(self):
        return self.user is not None and self.user.is_authenticated

    def has_role(self, *roles):
        return bool(self.roles.intersection(roles))

    @cached_property
    def young_person(self):
        """The young person who is logged in, read once per request; None for everyone else."""
        from brobygger.people.selectors import young_person_of_user

        return young_person_of_user(self.user) if self.has_role(Role.YOUNG_PERSON) else None

    @property
    def young_person_id(self):
        return self.young_person.pk if self.young_person else None

    @cached_property
    def mentor_company_ids(self):
        from brobygger.companies.selectors import company_ids_of_mentor

        return frozenset(company_ids_of_mentor(self.user)) if self.has_role(Role.MENTOR) else frozenset()


def actor_in(user, organisation):
    """The user acting in one organisation with the roles they hold there now (none if they left)."""
    roles = {m.role for m in tenancy_selectors.memberships_of(user) if m.organisation_id == organisation.pk}
    return Actor(user, organisation, [organisation], roles)


def build_actor(request):
    user = request.user
    memberships = tenancy_selectors.memberships_of(user)
    if not memberships:
        return Actor(user, memberships=memberships)
    organisations = tenancy_selectors.organisations_of(memberships)
    wanted = request.session.get(SESSION_KEY)
    active = next((org for org in organisations if str(org.pk) == wanted), organisations[0])
    roles = {m.role for m in memberships if m.organisation_id == active.pk}
    return Actor(user, active, organisations, roles, memberships)
