"""Tenancy fails closed (security.md R16)."""

import pytest
from django.apps import apps
from django.urls import reverse
from django_scopes import ScopeError, scope

from brobygger.consent.models import Consent
from brobygger.people.models import TeamMember, YoungPerson
from brobygger.tenancy.models import Organisation
from tests.attacks import tried


def tenant_models():
    return [
        m
        for m in apps.get_models()
        if m is not Organisation
        and any(f.name == "organisation" and f.related_model is Organisation for f in m._meta.fields)
    ]


def test_there_are_tenant_models():
    assert {YoungPerson, TeamMember, Consent} <= set(tenant_models())


@pytest.mark.parametrize("model", tenant_models(), ids=lambda m: m._meta.label)
def test_unscoped_query_on_tenant_model_fails_closed(db, model):
    with pytest.raises(ScopeError):
        list(model.objects.all())
    with pytest.raises(ScopeError):
        model.objects.filter(pk=1).exists()


@pytest.mark.parametrize("model", tenant_models(), ids=lambda m: m._meta.label)
def test_scoped_query_sees_only_its_organisation(world, model):
    with scope(organisation=world.org_a.pk):
        orgs = set(model.objects.values_list("organisation_id", flat=True))
    assert orgs <= {world.org_a.pk}


def test_organisation_field_cannot_be_mass_assigned(world, client_for):
    client = client_for("counsellor_on_team")
    yp = world.objects["yp_a"]
    response = client.post(
        reverse("young_person_edit", kwargs={"pk": yp.pk}),
        {
            "first_name": "Asta",
            "last_name": "Andersen",
            "birth_date": "2006-05-17",
            "referral_date": "2026-09-01",
            "referral_source": "jobcentre",
            "organisation": str(world.org_b.pk),
            "user": str(world.user("young_b").pk),
        },
    )
    tried("mass assignment", 2)
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        yp.refresh_from_db()
        assert yp.organisation_id == world.org_a.pk
        assert yp.user_id == world.user("young_a").pk


def test_switching_to_an_organisation_you_are_not_in_is_refused(world, client_for):
    client = client_for("counsellor_on_team")
    client.post(reverse("switch_organisation"), {"organisation": str(world.org_b.pk)})
    tried("IDOR through switching organisation")
    response = client.get(reverse("young_person_detail", kwargs={"pk": world.objects["yp_other"].pk}))
    assert response.status_code == 404


def test_switch_organisation_does_not_redirect_off_site(world, client_for):
    response = client_for("counsellor_on_team").post(
        reverse("switch_organisation"), {"organisation": str(world.org_a.pk), "next": "https://evil.example/"}
    )
    tried("open redirect")
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
