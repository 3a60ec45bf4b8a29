"""The two ways the policy answers must agree: the queryset (used to fetch
objects) and the per-young-person check (used to show buttons)."""

import pytest
from django.http import Http404
from django_scopes import scope

from brobygger.access import policy
from brobygger.access.actor import Actor
from brobygger.access.rules import Action
from tests.world import FIXTURE_ROLES, FIXTURES


@pytest.mark.parametrize("action", list(Action))
def test_allowed_on_agrees_with_the_queryset(world, action):
    for fixture in FIXTURES:
        user = world.user(fixture)
        if user is None:
            continue
        org = world.org_b if fixture == "other_org_user" else world.org_a
        actor = Actor(user, org, [org], FIXTURE_ROLES[fixture])
        with scope(organisation=org.pk):
            for key in ("yp_a", "yp_b", "yp_other"):
                young_person = world.objects[key]
                try:
                    in_queryset = policy.queryset(actor, "young_person", action).filter(pk=young_person.pk).exists()
                except Exception as error:  # Http404: no role may take this action at all
                    assert type(error).__name__ == "Http404"
                    in_queryset = False
                assert policy.allowed_on(actor, action, young_person) == in_queryset, (fixture, key, action)


@pytest.mark.parametrize("action", list(Action))
def test_young_person_and_role_agrees_with_the_queryset(world, action):
    """The young person's pages fetch them with `young_person_and_role`: it must find exactly
    whom the queryset holds, and name the role `granting_role` names."""
    for fixture in FIXTURES:
        user = world.user(fixture)
        if user is None:
            continue
        org = world.org_b if fixture == "other_org_user" else world.org_a
        actor = Actor(user, org, [org], FIXTURE_ROLES[fixture])
        with scope(organisation=org.pk):
            for key in ("yp_a", "yp_b", "yp_other"):
                young_person = world.objects[key]
                try:
                    expected = policy.get_object(actor, "young_person", action, young_person.pk)
                except Http404:
                    expected = None
                try:
                    found, role = policy.young_person_and_role(
                        Actor(user, org, [org], FIXTURE_ROLES[fixture]), action, young_person.pk
                    )
                except Http404:
                    found, role = None, None
                assert found == expected, (fixture, key, action)
                if found is not None:
                    assert role == policy.granting_role(actor, "young_person", action), (fixture, key, action)
