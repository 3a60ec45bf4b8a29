"""The ways the policy answers must agree: the queryset (used to fetch objects), the
per-young-person check (used to show buttons) and the young person's pages' own fetch."""

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
        return policy.get_object(actor, "young_person", action, young_person.pk)
    except Http404:  # not in it, or no role may take this action at all
        return None


@pytest.mark.parametrize("action", list(Action))
def test_allowed_on_agrees_with_the_queryset(world, action):
    for case, actor, young_person in _cases(world):
        in_queryset = _in_queryset(actor, action, young_person) is not None
        assert policy.allowed_on(actor, action, young_person) == in_queryset, (case, action)


@pytest.mark.parametrize("action", list(Action))
def test_young_person_and_role_agrees_with_the_queryset(world, action):
    """The young person's pages fetch them with `young_person_and_role`: it must find exactly
    whom the queryset holds, and name the role `granting_role` names."""
    for case, actor, young_person in _cases(world):
        expected = _in_queryset(actor, action, young_person)
        try:
            found, role = policy.young_person_and_role(actor, action, young_person.pk)
        except Http404:
            found, role = None, None
        assert found == expected, (case, action)
        if found is not None:
            assert role == policy.granting_role(actor, "young_person", action), (case, action)
            # The relation read with the young person is the one `relation` asks for on its own.
            fresh = Actor(actor.user, actor.organisation, actor.organisations, actor.roles)
            assert policy.relation(actor, found) == policy.relation(fresh, found), (case, action)
