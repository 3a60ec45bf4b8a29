"""An ID from another organisation in a URL, a query string or a form field
gets a 404 or a form error and writes nothing (security.md R16, ASVS 8.4.1)."""

from django.urls import reverse
from django_scopes import scope, scopes_disabled

from brobygger.audit.models import AccessLog
from brobygger.consent.models import Consent
from brobygger.people.models import TeamMember


def counts():
    with scopes_disabled():
        return Consent.objects.count(), TeamMember.objects.count(), AccessLog.objects.count()


def test_company_of_another_organisation_in_a_consent_form(world, client_for):
    before = counts()
    response = client_for("counsellor_on_team").post(
        reverse("consent_create", kwargs={"pk": world.objects["yp_a"].pk}),
        {"company": str(world.objects["company_other"].pk), "categories": ["identity"], "agree": "on"},
    )
    assert response.status_code == 200
    assert "company" in response.context["form"].errors
    assert counts() == before


def test_user_of_another_organisation_in_the_team_form(world, client_for):
    before = counts()
    response = client_for("counsellor_on_team").post(
        reverse("team_add", kwargs={"pk": world.objects["yp_a"].pk}),
        {"user": str(world.user("other_org_user").pk)},
    )
    assert response.status_code == 200
    assert "user" in response.context["form"].errors
    assert counts() == before


def test_young_person_of_another_organisation_in_the_url(world, client_for):
    before = counts()
    client = client_for("counsellor_on_team")
    other = world.objects["yp_other"]
    assert client.get(reverse("young_person_detail", kwargs={"pk": other.pk})).status_code == 404
    response = client.post(
        reverse("consent_create", kwargs={"pk": other.pk}),
        {"company": str(world.objects["company_1"].pk), "categories": ["identity"], "agree": "on"},
    )
    assert response.status_code == 404
    assert counts() == before


def test_consent_of_another_organisation_cannot_be_withdrawn(world, client_for):
    consent = world.objects["consent_other"]
    response = client_for("lead").post(reverse("consent_withdraw", kwargs={"pk": consent.pk}))
    assert response.status_code == 404
    with scope(organisation=world.org_b.pk):
        consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_page_query_string_with_foreign_id_is_harmless(world, client_for):
    response = client_for("counsellor_on_team").get(
        reverse("young_people_list"), {"page": str(world.objects["yp_other"].pk)}
    )
    assert response.status_code == 200
    assert b"Otto" not in response.content


def test_a_young_person_cannot_open_another_young_person(world, client_for):
    response = client_for("young_a").get(reverse("young_person_detail", kwargs={"pk": world.objects["yp_b"].pk}))
    assert response.status_code == 404
