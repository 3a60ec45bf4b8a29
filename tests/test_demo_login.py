"""The demo's second step without an authenticator app (user-walk.md item 9): with DEBUG on, a demo
staff login's second-step page shows the current code; with DEBUG off the same login gets no code."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django_scopes import scopes_disabled

from brobygger.core.roles import Role
from brobygger.demo import second_step
from brobygger.tenancy import services as tenancy

PASSWORD = "brobygger-demo-2026"


def _counsellor_with_an_app(email, slug):
    """A counsellor with a password and an authenticator, as the demo leaves its logins."""
    with scopes_disabled():
        org = tenancy.create_organisation(name=slug.title(), slug=slug, kind="ngo")
        user = tenancy.add_member(organisation=org, email=email, role=Role.COUNSELLOR).user
    user.set_password(PASSWORD)
    user.save()
    second_step.enrol(user)
    return user


@pytest.fixture
def demo_counsellor(db):
    return _counsellor_with_an_app("vejleder@opgang2.example", "opgang2")


def _to_second_step(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    return client.get(reverse("mfa_authenticate")).content.decode()


@override_settings(DEBUG=True)
def test_in_the_demo_the_second_step_page_shows_the_code_and_it_logs_in(demo_counsellor):
    client = Client()
    page = _to_second_step(client, demo_counsellor)
    assert "Demo: den kode, din godkender-app ville vise nu, er" in page
    code = re.search(r"<strong>(\d{6})</strong>", page).group(1)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


@override_settings(DEBUG=False)
def test_without_debug_the_same_login_gets_no_code(demo_counsellor):
    client = Client()
    page = _to_second_step(client, demo_counsellor)
    assert "Demo:" not in page and not re.search(r"<strong>\d{6}</strong>", page)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200  # refused: the page again, with its error
    assert client.get(reverse("home")).status_code == 302


@override_settings(DEBUG=True)
def test_a_login_outside_the_demo_gets_no_code_even_with_debug(db):
    page = _to_second_step(Client(), _counsellor_with_an_app("vejleder@rigtig.dk", "rigtig"))
    assert "Demo:" not in page
