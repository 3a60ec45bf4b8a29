"""Logins come from invitations: an address names a person only once its owner has opened a link
sent to it. The attacks below are the outside probe's, through the
pages a person uses."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django_scopes import scope, scopes_disabled

from brobygger.core.roles import Role
from brobygger.people.models import TeamMember
from brobygger.tenancy.models import Invitation, Membership
from tests.auth import log_in
from tests.world import _young

VICTIM = "nyansat@b.example"
PASSWORD = "en lang og sjov sætning om cykler"


def _without_nonces(page, email):
    return re.sub(r'([Nn]once(": |=)|CSRFToken": |csrfmiddlewaretoken" value=)"[^"]+"', "", page).replace(
        email, "ADDRESS"
    )


def _link(message):
    return re.search(r"https?://\S+/org/invitation/\S+/", message.body).group(0).split("testserver", 1)[1]


def _log_in_with_password(client, user):
    user.set_password(PASSWORD)
    user.save()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    # allauth asks for the password again before changing addresses; the attacker knows their own.
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})


def _invite(capture, client_for, email, role="counsellor", org="other_org_user"):
    mail.outbox.clear()
    with capture(execute=True):
        response = client_for(org).post(
            "/org/members/new/", {"email": email, "first_name": "Nina", "role": role}, follow=True
        )
    assert response.status_code == 200
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [email]
    return response


def test_a_claimed_address_never_brings_another_organisations_role(
    world, client_for, django_capture_on_commit_callbacks
):
    attacker = world.user("young_a")
    client = Client()
    _log_in_with_password(client, attacker)
    # The attacker adds the address someone in B is about to be invited with, and tries to make it theirs.
    client.post("/accounts/email/", {"action_add": "", "email": VICTIM})
    client.post("/accounts/email/", {"action_primary": "", "email": VICTIM})
    attacker.refresh_from_db()
    assert attacker.email == "young_a@a.example"
    assert not EmailAddress.objects.filter(user=attacker, email=VICTIM, verified=True).exists()

    _invite(django_capture_on_commit_callbacks, client_for, VICTIM)
    link = _link(mail.outbox[0])
    with scopes_disabled():
        assert not Membership.objects.filter(user=attacker, organisation=world.org_b).exists()
    # Even with the link in hand, the attacker's login is not the invited address's.
    response = client.post(link, follow=True)
    assert "ikke er adressen på dit login" in response.content.decode()
    with scopes_disabled():
        assert not Membership.objects.filter(user=attacker, organisation=world.org_b).exists()

    # The owner of the mailbox opens the link and gets a login of their own.
    owner = Client()
    response = owner.post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    with scopes_disabled():
        membership = Membership.objects.get(organisation=world.org_b, user__email=VICTIM)
    assert membership.user != attacker and membership.role == Role.COUNSELLOR
    assert EmailAddress.objects.get(user=membership.user).verified


def test_an_address_made_login_name_without_proof_is_taken_back_when_its_owner_proves_it(
    world, client_for, django_capture_on_commit_callbacks
):
    # The state the probe left before this fix: an unverified address as the attacker's login name.
    attacker = world.user("young_a")
    EmailAddress.objects.filter(user=attacker).update(primary=False)
    EmailAddress.objects.create(user=attacker, email=VICTIM, verified=False, primary=True)
    attacker.email = VICTIM
    attacker.save()
    _invite(django_capture_on_commit_callbacks, client_for, VICTIM)
    response = Client().post(_link(mail.outbox[0]), {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    attacker.refresh_from_db()
    assert attacker.email == "young_a@a.example"
    with scopes_disabled():
        assert Membership.objects.get(organisation=world.org_b, user__email=VICTIM).user != attacker


def test_an_existing_login_accepts_after_logging_in(world, client_for, django_capture_on_commit_callbacks):
    colleague = world.user("counsellor_on_team")
    _invite(django_capture_on_commit_callbacks, client_for, colleague.email, role="team_lead")
    link = _link(mail.outbox[0])
    response = Client().post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client = log_in(Client(), colleague)
    response = client.post(link)
    assert response.status_code == 302
    with scopes_disabled():
        assert Membership.objects.filter(user=colleague, organisation=world.org_b, role="team_lead").exists()
    # Once used, the link is gone.
    assert Client().get(link).status_code == 404


def test_the_answer_is_the_same_whether_an_address_has_a_login(world, client_for, django_capture_on_commit_callbacks):
    pages = []
    for email in ("counsellor_on_team@a.example", "nobody-yet@a.example"):
        response = _invite(django_capture_on_commit_callbacks, client_for, email)
        pages.append([str(m).replace(email, "ADDRESS") for m in response.context["messages"]])
    assert pages[0] == pages[1] and "invitation" in pages[0][0]


def test_a_young_persons_login_is_an_invitation_too(world, client_for, django_capture_on_commit_callbacks):
    with scope(organisation=world.org_a.pk):
        young_person = _young(world.org_a, "Cille", "Cortsen")
        TeamMember.objects.create(
            organisation=world.org_a,
            young_person=young_person,
            user=world.user("counsellor_on_team"),
            role="counsellor",
        )
    answers = []
    for email in ("other_org_user@b.example", "cille@a.example"):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for("counsellor_on_team").post(
                f"/young/{young_person.pk}/account/", {"email": email}, follow=True
            )
        assert response.status_code == 200 and len(mail.outbox) == 1
        answers.append(_without_nonces(response.content.decode(), email))
    # The address of a professional in another organisation is answered like any other.
    assert answers[0] == answers[1]
    response = Client().post(_link(mail.outbox[0]), {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    young_person.refresh_from_db()
    assert young_person.user.email == "cille@a.example"


def test_making_another_logins_address_primary_is_no_error(world):
    attacker = world.user("young_a")
    client = Client()
    _log_in_with_password(client, attacker)
    client.post("/accounts/email/", {"action_add": "", "email": "counsellor_on_team@a.example"})
    response = client.post("/accounts/email/", {"action_primary": "", "email": "counsellor_on_team@a.example"})
    assert response.status_code in (200, 302)
    attacker.refresh_from_db()
    assert attacker.email == "young_a@a.example"


def test_a_changed_address_counts_only_once_verified(world):
    user = world.user("young_a")
    client = Client()
    _log_in_with_password(client, user)
    mail.outbox.clear()
    client.post("/accounts/email/", {"action_add": "", "email": "asta.ny@a.example"})
    user.refresh_from_db()
    assert user.email == "young_a@a.example"
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    user.refresh_from_db()
    assert user.email == "asta.ny@a.example"


@pytest.mark.parametrize("role", ["counsellor", "mentor"])
def test_only_the_session_that_opened_the_invitation_sets_up_the_second_step(
    world, client_for, django_capture_on_commit_callbacks, role
):
    _invite(django_capture_on_commit_callbacks, client_for, "ny@b.example", role=role)
    invitee = Client()
    invitee.post(_link(mail.outbox[0]), {"password1": PASSWORD, "password2": PASSWORD})
    assert invitee.get("/accounts/2fa/totp/activate/").status_code == 200
    # Someone else who knows the password logs in before the invitee has set up the second step.
    other = Client()
    response = other.post("/accounts/login/", {"login": "ny@b.example", "password": PASSWORD})
    assert response.status_code == 302
    response = other.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 403
    assert "Åbn din invitation først" in response.content.decode()


def test_an_expired_or_cancelled_invitation_says_so(world, client_for, django_capture_on_commit_callbacks):
    _invite(django_capture_on_commit_callbacks, client_for, "sen@b.example")
    link = _link(mail.outbox[0])
    with scopes_disabled():
        invitation = Invitation.objects.get(email="sen@b.example")
    response = client_for("other_org_user").post(f"/org/invitations/{invitation.pk}/cancel/", follow=True)
    assert response.status_code == 200
    response = Client().get(link)
    assert response.status_code == 404
    assert "Invitationen kan ikke bruges" in response.content.decode()


def test_a_bad_password_is_refused_in_danish_and_nothing_is_made(world, client_for, django_capture_on_commit_callbacks):
    _invite(django_capture_on_commit_callbacks, client_for, "ny@b.example")
    link = _link(mail.outbox[0])
    for data, message in (
        ({"password1": PASSWORD, "password2": PASSWORD + "x"}, "De to adgangskoder var ikke identiske"),
        ({"password1": "kort", "password2": "kort"}, "for kort"),
    ):
        response = Client().post(link, data)
        assert response.status_code == 200 and message in response.content.decode()
    assert not EmailAddress.objects.filter(email="ny@b.example").exists()
    with scopes_disabled():
        assert Invitation.objects.get(email="ny@b.example").accepted_at is None
