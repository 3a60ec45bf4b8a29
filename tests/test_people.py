"""Referral, team and bad input."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from brobygger.people.models import TeamMember, YoungPerson


def referral(**overrides):
    data = {
        "first_name": "Nanna",
        "last_name": "Nielsen",
        "birth_date": "2005-01-02",
        "phone": "",
        "email": "",
        "referral_date": timezone.localdate().isoformat(),
        "referral_source": "self",
    }
    data.update(overrides)
    return data


def test_counsellor_registers_a_referral_and_becomes_entry_point(world, client_for):
    response = client_for("counsellor_on_team").post(reverse("young_person_create"), referral())
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        yp = YoungPerson.objects.get(first_name="Nanna")
        seat = TeamMember.objects.get(young_person=yp)
    assert seat.user == world.user("counsellor_on_team") and seat.is_primary


def test_referral_form_has_no_health_fields(world, client_for):
    page = client_for("counsellor_on_team").get(reverse("young_person_create")).content.decode().lower()
    for word in ("diagnos", "health", "helbred", "cpr", "crime", "kriminal"):
        assert f'name="{word}' not in page


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"birth_date": "2015-01-01"}, "birth_date"),
        ({"birth_date": "1980-01-01"}, "birth_date"),
        ({"referral_date": (timezone.localdate() + timedelta(days=3)).isoformat()}, "referral_date"),
        ({"referral_date": "2001-01-01"}, "referral_date"),
        ({"first_name": ""}, "first_name"),
        ({"first_name": "x" * 101}, "first_name"),
        ({"birth_date": "31-02-2005"}, "birth_date"),
        ({"referral_source": "nonsense"}, "referral_source"),
        ({"email": "not-an-email"}, "email"),
    ],
)
def test_bad_referral_input_gets_a_clear_error_and_writes_nothing(world, client_for, overrides, field):
    with scopes_disabled():
        before = YoungPerson.objects.count()
    response = client_for("counsellor_on_team").post(reverse("young_person_create"), referral(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    with scopes_disabled():
        assert YoungPerson.objects.count() == before


def test_danish_error_message_by_default(world, client_for):
    response = client_for("counsellor_on_team").post(reverse("young_person_create"), referral(birth_date="2015-01-01"))
    assert "Brobygger er for unge mellem 15 og 29" in response.content.decode()


def test_script_in_a_name_comes_back_escaped(world, client_for):
    client = client_for("counsellor_on_team")
    client.post(reverse("young_person_create"), referral(first_name="<script>alert(1)</script>"))
    page = client.get(reverse("young_people_list")).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_lead_adds_a_counsellor_to_the_team(world, client_for):
    yp = world.objects["yp_b"]
    response = client_for("lead").post(
        reverse("team_add", kwargs={"pk": yp.pk}),
        {"user": str(world.user("counsellor_on_team").pk), "is_primary": "on"},
    )
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        primary = TeamMember.objects.filter(young_person=yp, is_primary=True)
        assert [m.user for m in primary] == [world.user("counsellor_on_team")]


def test_young_people_and_mentors_cannot_join_a_team(world, client_for):
    yp = world.objects["yp_a"]
    for name in ("young_b", "mentor_with_consent", "analyst"):
        response = client_for("lead").post(
            reverse("team_add", kwargs={"pk": yp.pk}), {"user": str(world.user(name).pk)}
        )
        assert response.status_code == 200 and "user" in response.context["form"].errors


def test_give_a_young_person_an_account(world, client_for, django_capture_on_commit_callbacks):
    yp = world.objects["yp_a"]
    with scope(organisation=world.org_a.pk):
        YoungPerson.objects.filter(pk=yp.pk).update(user=None)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("counsellor_on_team").post(
            reverse("account_create", kwargs={"pk": yp.pk}), {"email": "asta.ny@example.org"}
        )
    assert response.status_code == 302
    # The login is theirs once they open the invitation and choose a password.
    link = re.search(r"http://testserver(/org/invitation/\S+/)", mail.outbox[0].body).group(1)
    password = "en lang og sjov sætning om cykler"
    assert Client().post(link, {"password1": password, "password2": password}).status_code == 302
    with scope(organisation=world.org_a.pk):
        yp.refresh_from_db()
        assert yp.user.email == "asta.ny@example.org"
        assert yp.user.memberships.get().role == "young_person"
