"""Schemathesis against the API's own OpenAPI schema: generated requests (valid and
not) for every operation, sent with a token of each role. No answer may be a server
error or break the schema. Bounded: a few examples per operation and role."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import checks
from schemathesis.specs.openapi import checks as openapi_checks

from tests.test_api import token_for

ROLE_FIXTURES = [
    "counsellor_on_team",
    "consultant",
    "workshop_leader",
    "lead",
    "mentor_with_consent",
    "young_a",
    "analyst",
    "admin",
    "editor",
]
EXAMPLES_PER_OPERATION = 12


@pytest.fixture
def api_schema(world):
    # Requests go through Django's WSGI handler in this process, inside the test's transaction;
    # like Django's test client, keep the handler from closing that connection after each one.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def role_tokens(world):
    return {fixture: token_for(world, fixture) for fixture in ROLE_FIXTURES}


CHECKS = [
    checks.not_a_server_error,
    openapi_checks.status_code_conformance,
    openapi_checks.content_type_conformance,
    openapi_checks.response_schema_conformance,
]


def test_api_follows_its_schema_for_every_role(api_schema, role_tokens):
    # Schemathesis' pytest plugin does not load under pytest 9, so each operation's
    # strategy is driven by Hypothesis here, the way the plugin would.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def check(case):
            for token in role_tokens.values():
                case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

        check()
