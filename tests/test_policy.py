"""The ways the policy answers must agree: the queryset of what is visible, the
per-young-person check (used to show buttons) and `fetch` of one young person (one query that
reads their relation to the actor with them)."""

import pytest
from django.http import Http404
from django_scopes import scope

from brobygger.access import policy
from brobygger.access.actor import Actor
from brobygger.access.rules import Action
from tests.world import FIXTURE_ROLES, FIXTURES


def _cases(world):
    """(fixture, a fresh actor for it, young person) for every fixture and young person, inside the
    fixture's organisation scope."""
    for fixture in FIXTURES:
        user = world.user(fixture)
        if user is None:
            continue
        org = world.org_b if fixture == "other_org_user" else world.org_a
        with scope(organisation=org.pk):
            for key in ("yp_a", "yp_b", "yp_other"):
                yield (fixture, key), Actor(user, org, [org], FIXTURE_ROLES[fixture]), world.objects[key]


def _in_queryset(actor, action, young_person):
    """The young person as the policy's queryset finds them, or None."""
    try:
        return policy.visible(actor, "young_person", action).filter(pk=young_person.pk).first()
    except Http404:  # not in it, or no role may take this action at all
        return None


@pytest.mark.parametrize("action", list(Action))
def test_allowed_on_agrees_with_the_queryset(world, action):
    for case, actor, young_person in _cases(world):
        in_queryset = _in_queryset(actor, action, young_person) is not None
        assert policy.allowed_on(actor, action, young_person) == in_queryset, (case, action)


@pytest.mark.parametrize("action", list(Action))
def test_fetch_agrees_with_the_queryset(world, action):
    """The young person's pages fetch them with `fetch`: it must find exactly whom the queryset
    holds, and grant the role `granting_role` names (which then travels on the actor)."""
    for case, actor, young_person in _cases(world):
        expected = _in_queryset(actor, action, young_person)
        try:
            found, role = policy.fetch(actor, "young_person", action, young_person.pk)
        except Http404:
            found, role = None, None
        assert found == expected, (case, action)
        if found is not None:
            assert role == policy.granting_role(actor, "young_person", action) == actor.acting_role, (case, action)
            # The relation read with the young person is the one `relation` asks for on its own.
            fresh = Actor(actor.user, actor.organisation, actor.organisations, actor.roles)
            assert policy.relation(actor, found) == policy.relation(fresh, found), (case, action)
