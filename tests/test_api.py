"""The REST API: every operation × every role fixture × every object, compared with the
rules table (as test_matrix does for the pages); tokens; bad input."""

import json

import pytest
from django.db import transaction
from django.test import Client
from django_scopes import scope, scopes_disabled

from brobygger.access import policy, rules
from brobygger.access.actor import Actor
from brobygger.api import services as token_services
from brobygger.api.api import operations
from brobygger.api.models import AccessToken
from brobygger.audit.models import AccessLog
from brobygger.companies.models import Company, Offer
from brobygger.core import tokens
from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import Membership
from tests.attacks import tried
from tests.test_matrix import expected_allowed
from tests.world import CATALOGUE_SLUG, FIXTURE_ROLES, FIXTURES, OBJECTS_BY_KIND

OPERATIONS = sorted(operations())


def token_for(world, fixture):
    user = world.user(fixture)
    if user is None:
        return None
    org = world.org_b if fixture == "other_org_user" else world.org_a
    actor = Actor(user, org, [org], FIXTURE_ROLES[fixture])
    with scope(organisation=org.pk):
        return token_services.create_token(actor, name="test")[1]


@pytest.fixture
def api(world):
    tokens = {fixture: token_for(world, fixture) for fixture in FIXTURES}

    def call(fixture, method, path, body=None, token=None):
        headers = {}
        token = token or tokens.get(fixture)
        if token:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        client = Client()
        if method == "GET":
            return client.get(path, **headers)
        return client.generic(method, path, json.dumps(body or {}), content_type="application/json", **headers)

    call.tokens = tokens
    return call


def example_body(world, path, fixture="lead"):
    if path == "/young-people":
        return {
            "first_name": "Maja",
            "last_name": "Matrix",
            "birth_date": "2006-03-01",
            "referral_date": "2026-11-01",
            "referral_source": "jobcentre",
        }
    if path == "/companies":
        return {"name": "Matrix ApS", "cvr": "87 65 43 21"}
    if path == "/offers":
        company = world.objects["company_other" if fixture == "other_org_user" else "company_1"]
        return {"company_id": str(company.pk), "kind": "visit", "title": "Rundvisning"}
    if path.endswith("/status-history"):
        return {"activity": "education"}
    return None


def test_every_operation_declares_access():
    missing = [f"{m} {p}" for p, m, view in OPERATIONS if not isinstance(getattr(view, "access", None), policy.Access)]
    assert missing == []
    assert len(OPERATIONS) >= 15


def _objects(path, access):
    if "{pk}" in path:
        return OBJECTS_BY_KIND[str(access.kind)]
    return [None]


def _expected(world, fixture, access, key):
    if not expected_allowed(world, fixture, access, key):
        return False
    if access.category and key:
        # A mentor sees only the categories the young person consented to share.
        roles = FIXTURE_ROLES[fixture]
        if roles & rules.CONSENTED_FIELDS_ONLY and not roles - rules.CONSENTED_FIELDS_ONLY:
            org = world.org_a
            actor = Actor(world.user(fixture), org, [org], roles)
            with scope(organisation=org.pk):
                return access.category in policy.visible_categories(actor, world.objects[key])
    return True


@pytest.mark.parametrize(("path", "method", "view"), OPERATIONS, ids=[f"{m} {p}" for p, m, _v in OPERATIONS])
def test_api_matrix(world, api, path, method, view):
    access = view.access
    mismatches = []
    for key in _objects(path, access):
        url = "/api" + path.replace("{pk}", str(world.objects[key].pk) if key else "").replace("{slug}", CATALOGUE_SLUG)
        for fixture in FIXTURES:
            with transaction.atomic():
                response = api(fixture, method, url, example_body(world, path, fixture))
                transaction.set_rollback(True)
            got = response.status_code
            if access.public:
                ok = got == 200
            elif fixture == "anonymous":
                ok = got == 401
                tried("anonymous request for a protected URL")
            elif access.login_only:
                ok = got == 200
            elif _expected(world, fixture, access, key):
                ok = got in (200, 201)
            else:
                ok = got == 404
                tried("IDOR and role escalation (another organisation's or another team's object)")
            if not ok:
                mismatches.append(f"{fixture} {method} {url} ({key}) -> {got} {response.content[:200]!r}")
    assert mismatches == []


def test_schema_is_openapi_31_and_lists_every_operation(db, client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    listed = {(path.removeprefix("/api"), method.upper()) for path, item in schema["paths"].items() for method in item}
    assert listed == {(p, m) for p, m, _v in OPERATIONS}
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"


def test_docs_load_their_files_from_this_server(db, client):
    page = client.get("/api/docs").content.decode()
    assert "swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()


def test_a_token_is_stored_only_as_a_digest_and_shown_once(world, client_for):
    client = client_for("lead")
    response = client.post("/api-tokens/", {"name": "Fagsystem"})
    page = response.content.decode()
    with scopes_disabled():
        row = AccessToken.objects.get(name="Fagsystem")
    start = page.index('value="bro_') + len('value="')
    token = page[start : page.index('"', start)]
    assert row.digest == tokens.digest(token) and token not in row.digest
    assert token.startswith(row.prefix)
    again = client.get("/api-tokens/").content.decode()
    assert token not in again and row.prefix in again


def test_revoked_token_and_deactivated_user_are_refused(world, api):
    assert api("lead", "GET", "/api/young-people").status_code == 200
    with scopes_disabled():
        row = AccessToken.objects.get(digest=tokens.digest(api.tokens["lead"]))
    token_services.revoke_token(row)
    refused = api("lead", "GET", "/api/young-people")
    assert refused.status_code == 401
    assert "token" in refused.json()["detail"]
    counsellor = world.user("counsellor_on_team")
    counsellor.is_active = False
    counsellor.save()
    assert api("counsellor_on_team", "GET", "/api/young-people").status_code == 401


def test_a_token_stops_working_when_its_user_leaves_the_organisation(world, api):
    assert api("consultant", "GET", "/api/companies").status_code == 200
    with scopes_disabled():
        Membership.objects.filter(user=world.user("consultant")).delete()
    assert api("consultant", "GET", "/api/companies").status_code == 401


def test_a_made_up_token_is_refused(api):
    assert api("anonymous", "GET", "/api/companies", token="bro_not-a-token").status_code == 401
    assert api("anonymous", "GET", "/api/companies", token="not-ours").status_code == 401


@pytest.mark.parametrize("field", ["organisation", "organisation_id", "role", "id", "user"])
def test_mass_assignment_is_refused(world, api, field):
    body = example_body(world, "/young-people") | {field: str(world.org_b.pk)}
    response = api("lead", "POST", "/api/young-people", body)
    tried("mass assignment")
    assert response.status_code == 422
    assert {"field": field, "message": "Dette felt kan ikke sættes."} in response.json()["errors"]
    with scopes_disabled():
        assert not YoungPerson.objects.filter(last_name="Matrix").exists()


def test_an_id_of_another_organisation_in_a_body_is_refused(world, api):
    body = example_body(world, "/offers") | {"company_id": str(world.objects["company_other"].pk)}
    response = api("consultant", "POST", "/api/offers", body)
    tried("IDOR through an id in a request body")
    assert response.status_code == 400
    assert response.json()["detail"] == "Der er ingen virksomhed med det ID."
    with scopes_disabled():
        assert not Offer.objects.filter(title="Rundvisning").exists()


def test_a_referral_is_checked_like_the_form(world, api):
    body = example_body(world, "/young-people") | {"birth_date": "1980-01-01"}
    response = api("lead", "POST", "/api/young-people", body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "birth_date"
    assert "mellem 15 og 29 år" in response.json()["errors"][0]["message"]


def test_bad_input_gets_translated_messages(world, api):
    response = api("lead", "POST", "/api/companies", {"cvr": "x" * 30})
    assert response.status_code == 422
    messages = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert messages == {"name": "Dette felt er påkrævet.", "cvr": "Højst 20 tegn."}
    assert api("lead", "GET", "/api/young-people?page=0").status_code == 422
    assert api("lead", "GET", "/api/young-people/not-a-uuid").status_code == 422


def test_a_company_with_a_cvr_written_with_spaces(world, api):
    response = api("consultant", "POST", "/api/companies", {"name": "Mellemrum ApS", "cvr": "12 34 56 79"})
    assert response.status_code == 201
    assert response.json()["cvr"] == "12345679"
    with scope(organisation=world.org_a.pk):
        assert Company.objects.get(name="Mellemrum ApS").cvr == "12345679"


def test_reading_a_young_person_is_in_the_access_log(world, api):
    yp = world.objects["yp_a"]
    with scope(organisation=world.org_a.pk):
        before = AccessLog.objects.filter(subject=yp, action="view").count()
    assert api("counsellor_on_team", "GET", f"/api/young-people/{yp.pk}").status_code == 200
    assert api("counsellor_on_team", "GET", f"/api/young-people/{yp.pk}/notes").status_code == 200
    with scope(organisation=world.org_a.pk):
        rows = AccessLog.objects.filter(subject=yp, action="view").order_by("-at", "-id")
        assert rows.count() == before + 2
        assert {r.object_kind for r in rows[:2]} == {"young_person", "note"}
        assert rows[0].user == world.user("counsellor_on_team")


def test_a_mentor_sees_only_consented_fields(world, api):
    items = api("mentor_with_consent", "GET", "/api/young-people").json()["items"]
    assert [i["first_name"] for i in items] == ["Asta"]
    # Asta consented to share identity and contact with the mentor's company, not her plan.
    assert items[0]["birth_date"] is not None and items[0]["phone"] is not None and items[0]["email"] is not None
    yp_a = world.objects["yp_a"]
    assert api("mentor_with_consent", "GET", f"/api/young-people/{yp_a.pk}/plan").status_code == 404


def test_young_people_are_paged(world, api):
    page = api("lead", "GET", "/api/young-people?page_size=1").json()
    assert page["count"] == 2 and page["pages"] == 2 and len(page["items"]) == 1
    second = api("lead", "GET", "/api/young-people?page_size=1&page=2").json()
    assert second["items"][0]["id"] != page["items"][0]["id"]
    assert api("lead", "GET", "/api/young-people?page=9").json()["items"] == []
    assert api("lead", "GET", "/api/young-people?page_size=500").status_code == 422
    # `limit`, the name many clients send, is the page size too (it was silently ignored).
    limited = api("lead", "GET", "/api/young-people?limit=1").json()
    assert len(limited["items"]) == 1 and limited["pages"] == 2
    assert api("lead", "GET", "/api/young-people?limit=500").status_code == 422


def test_a_status_is_added_through_the_api(world, api):
    yp = world.objects["yp_a"]
    response = api("counsellor_on_team", "POST", f"/api/young-people/{yp.pk}/status-history", {"activity": "nope"})
    assert response.status_code == 400
    assert "nope" in response.json()["detail"]
    ok = api("counsellor_on_team", "POST", f"/api/young-people/{yp.pk}/status-history", {"activity": "education"})
    assert ok.status_code == 201 and ok.json()["activity"] == "education"
    history = api("counsellor_on_team", "GET", f"/api/young-people/{yp.pk}/status-history").json()
    assert history[0]["activity"] == "education"


def test_the_catalogue_needs_no_token(world, api):
    page = api("anonymous", "GET", "/api/catalogue?q=energi").json()
    assert CATALOGUE_SLUG in [i["slug"] for i in page["items"]]
    assert api("anonymous", "GET", "/api/catalogue/no-such-entry").status_code == 404


def test_api_responses_are_not_cached(world, api):
    response = api("lead", "GET", "/api/young-people")
    assert "no-store" in response["Cache-Control"]


def test_what_an_api_client_gets_wrong_is_answered_in_json_in_its_language(world, api):
    """The probe got a 500 for a NUL byte, an English HTML page for a 5 MB body and an untranslated
    "Cannot parse request body"."""
    yp = world.objects["yp_a"]
    path = f"/api/young-people/{yp.pk}/status-history"
    nul = api("counsellor_on_team", "POST", path, {"activity": "education", "note": "før\x00efter"})
    assert nul.status_code == 422
    assert nul.json()["errors"] == [
        {"field": "note", "message": "Teksten indeholder et usynligt NUL-tegn (0x00). Fjern det, og send igen."}
    ]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {api.tokens['counsellor_on_team']}"}
    big = Client().generic("POST", path, "x" * (5 * 1024 * 1024), content_type="application/json", **headers)
    assert big.status_code == 413 and big["Content-Type"].startswith("application/json")
    assert big.json()["detail"].startswith("Forespørgslen er for stor")
    broken = Client().generic("POST", path, "{not json", content_type="application/json", **headers)
    assert broken.status_code == 400 and broken.json()["detail"] == "Indholdet er ikke gyldig JSON."
    english = Client().generic(
        "POST", path, "{not json", content_type="application/json", HTTP_ACCEPT_LANGUAGE="en", **headers
    )
    assert english.json()["detail"] == "The body is not valid JSON."


def test_an_unreachable_database_is_a_json_503_to_an_api_client(rf):
    from django.db import OperationalError

    from brobygger.core.views import server_error

    for path, kind in (("/api/young-people", "application/json"), ("/young/", "text/html")):
        try:
            raise OperationalError("connection refused")
        except OperationalError:
            response = server_error(rf.get(path))
        assert response.status_code == 503 and response["Retry-After"] == "10"
        assert response["Content-Type"].startswith(kind)
