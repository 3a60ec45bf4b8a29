"""Every URL pattern × every role fixture × every kind of object, compared
with the rules table (security.md R13–R16; Zulip's "every URL is tested").

A URL pattern whose view declares no rule fails `test_every_url_declares_access`,
so a new page cannot ship untested.
"""

import re

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_scopes import scopes_disabled

from brobygger.access import kinds, rules
from brobygger.access.policy import Access
from brobygger.audit.models import AccessLog
from tests.attacks import tried
from tests.world import CATALOGUE_SLUG, CERTIFICATE_PUBLIC_ID, FIXTURE_ROLES, FIXTURES, GUIDE_TOPIC, OBJECTS_BY_KIND

# allauth's own pages: open to anyone (log in, reset a password) or for a
# logged-in user (change password, e-mail). They show no tenant data.
ACCOUNT_PAGES_PREFIX = "/accounts/"


def walk(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


# The REST API's operations are walked by tests/test_api.py (one URL pattern there serves several
# operations, each with its own rule).
API_PREFIX = "api/"

ALL_PATTERNS = list(walk())
OUR_PATTERNS = [
    (route, p) for route, p in ALL_PATTERNS if not route.startswith("accounts/") and not route.startswith(API_PREFIX)
]
ACCOUNT_PATTERNS = [(route, p) for route, p in ALL_PATTERNS if route.startswith("accounts/")]


def test_every_url_declares_access():
    missing = [route for route, p in OUR_PATTERNS if not isinstance(getattr(p.callback, "access", None), Access)]
    assert missing == [], f"URL patterns without a declared access rule: {missing}"


def test_every_declared_rule_names_a_known_kind_and_action():
    for route, p in OUR_PATTERNS:
        access = p.callback.access
        if access.public or access.login_only:
            continue
        assert access.kind in set(rules.Kind), route
        assert access.action in set(rules.Action), route
        assert rules.roles_allowed(access.kind, access.action), f"{route}: no role may ever use it"


def test_rules_table_is_well_formed():
    assert len(rules.RULES) >= 40
    registered = kinds.registered()
    for (role, kind, action), cond in rules.RULES.items():
        assert cond in set(rules.Cond)
        if kind in (rules.Kind.OWN_DATA, rules.Kind.FIGURES, rules.Kind.OWN_INSTRUMENT):
            continue  # no objects: the view reads the actor's own young person or the figures
        # Every kind with objects is registered by its app, and every condition the table names
        # for it can be asked: the kind's own, or one about the young person its objects name.
        assert kind in registered, kind
        entry = registered[kind]
        about_young_person = entry.young_person_field is not None and cond in {
            rules.Cond.TEAM,
            rules.Cond.SELF,
            rules.Cond.CONSENT,
        }
        assert cond == rules.Cond.ORG or cond in entry.conditions or about_young_person, (role, kind, action)
        # The cross-organisation kind is reachable only through a consent.
        assert (kind == rules.Kind.SHARED_PERSON) == (cond == rules.Cond.SHARED), (role, kind, action)
    # The analyst never gets row-level data about a young person.
    assert not any(role == "analyst" and kind != rules.Kind.FIGURES for (role, kind, _a) in rules.RULES)


def expected_allowed(world, fixture, access, key):
    roles = FIXTURE_ROLES[fixture]
    if key is None:
        return any(rules.condition(role, access.kind, access.action) for role in roles)
    facts = world.facts(fixture, key)
    return any(rules.condition(role, access.kind, access.action) in facts for role in roles)


# Example values for URL parameters that do not name an object.
EXAMPLE_KWARGS = {
    "key": "notes",
    "token": "not-a-real-token",
    "instrument": "who5",
    "organisation": "a",
    "year": 2025,
    "version": "1.0",
    "public_id": CERTIFICATE_PUBLIC_ID,
    "slug": CATALOGUE_SLUG,
    "audience": "virksomheder",
    "topic": GUIDE_TOPIC,
    "term": GUIDE_TOPIC,
    "content": "guide_page",
    "item": f"virksomheder/{GUIDE_TOPIC}",
    "token_id": 999999,
    "invitation": 999999,
    "contact": 999999,
    "mentor": 999999,
    "seat": 999999,
}


def objects_for(access, pattern):
    if "pk" not in pattern.pattern.converters:
        return [None]
    return OBJECTS_BY_KIND[_kind_of_pk(access)]


def _kind_of_pk(access):
    # Views take the primary object of their kind as `pk`; actions on a young
    # person (managing the team, giving consent) take the young person.
    return str(access.kind)


def request(client, method, url):
    """The answer, with the young people the request wrote an access-log row about."""
    with transaction.atomic(), scopes_disabled():
        last = AccessLog.objects.order_by("-id").values_list("id", flat=True).first() or 0
        response = client.post(url, {}) if method == "POST" else client.get(url)
        logged = AccessLog.objects.filter(id__gt=last).values_list("subject_id", flat=True)
        response.logged_subjects = set(logged)
        transaction.set_rollback(True)
    return response


def unlogged_read(world, key, response):
    """A page that showed a young person's data (a GET answered 200, forms included) and wrote no
    access-log row about them."""
    young_person_key = world.object_young_person.get(key) if key else None
    if young_person_key is None or response.status_code != 200 or response.request["REQUEST_METHOD"] != "GET":
        return False
    return world.objects[young_person_key].pk not in response.logged_subjects


@pytest.mark.parametrize(("route", "pattern"), OUR_PATTERNS, ids=[r or "/" for r, _ in OUR_PATTERNS])
def test_url_matrix(world, client_for, route, pattern):
    access = pattern.callback.access
    method = access.methods[0] if "GET" not in access.methods else "GET"
    mismatches = []
    for key in objects_for(access, pattern):
        kwargs = {"pk": world.objects[key].pk} if key else {}
        kwargs |= {name: EXAMPLE_KWARGS[name] for name in pattern.pattern.converters if name != "pk"}
        url = reverse(pattern.name, kwargs=kwargs)
        for fixture in FIXTURES:
            response = request(client_for(fixture), method, url)
            got = response.status_code
            if access.public:
                # A public page answers; one that takes a secret (a feed token) refuses a wrong one;
                # a public API refuses an empty body as a bad request.
                ok = got in (200, 302) or (got == 404 and "token" in kwargs) or (got == 400 and method == "POST")
            elif fixture == "anonymous":
                ok = got == 302 and "/accounts/login/" in response["Location"]
                tried("anonymous request for a protected URL")
            elif access.login_only:
                ok = got in (200, 302)
            elif expected_allowed(world, fixture, access, key):
                ok = got == 200 or (got == 302 and "/accounts/login/" not in response["Location"])
                if ok and unlogged_read(world, key, response):
                    mismatches.append(f"{fixture} GET {url} ({key}) showed a young person's data without a log row")
            else:
                ok = got == 404
                tried("IDOR and role escalation (another organisation's or another team's object)")
            if not ok:
                mismatches.append(f"{fixture} {method} {url} ({key}) -> {got}")
    assert mismatches == []


@pytest.mark.parametrize(("route", "pattern"), ACCOUNT_PATTERNS, ids=[r for r, _ in ACCOUNT_PATTERNS])
def test_account_pages_answer_without_error(world, client_for, route, pattern):
    # An argument no object has (a WebAuthn key id, a reset key): the page must refuse it without an error.
    kwargs = {
        name: 999999 if converter == "int:" else "x1-x"
        for converter, name in re.findall(r"(?:<(\w+:)?|\(\?P<)(\w+)>", route)
    }
    url = reverse(pattern.name, kwargs=kwargs)
    for fixture in ("anonymous", "counsellor_on_team", "young_a"):
        response = request(client_for(fixture), "GET", url)
        # allauth answers 403 where re-authentication is impossible (no usable password).
        assert response.status_code in (200, 302, 403, 404, 405), (fixture, url, response.status_code)
        assert b"Asta" not in response.content
