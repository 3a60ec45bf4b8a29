"""A company's contact persons and mentors are kept on its page (user-walk.md item 2): a company made
in the product gets a mentor by invitation, and that mentor's portal shows the young person placed there."""

import re
from datetime import date

from django.core import mail
from django.test import Client
from django.urls import reverse
from django_scopes import scope

from brobygger.access.actor import Actor
from brobygger.access.rules import FieldCategory
from brobygger.companies.models import Company, CompanyContact, CompanyMentor
from brobygger.consent import services as consent
from brobygger.core.roles import Role
from brobygger.staircase.models import Activity, ActivityKind
from tests.auth import log_in

PASSWORD = "en lang og sjov sætning om cykler"


def _in_a(world):
    return scope(organisation=world.org_a.pk)


def _new_company(client):
    response = client.post(reverse("company_create"), {"name": "Bageriet Ø", "city": "Aarhus", "postcode": "8000"})
    assert response.status_code == 302
    return response["Location"]


def _invitation_link(message):
    return re.search(r"https?://\S+/org/invitation/\S+/", message.body).group(0).split("testserver", 1)[1]


def test_the_consultant_adds_edits_and_ends_a_contact_person(world, client_for):
    consultant = client_for("consultant")
    page_url = _new_company(consultant)
    with _in_a(world):
        company = Company.objects.get(name="Bageriet Ø")

    refused = consultant.post(
        reverse("contact_person_add", args=[company.pk]), {"name": "", "email": "ikke en adresse"}
    )
    assert refused.status_code == 200
    assert "Dette felt er påkrævet" in refused.content.decode()
    assert "gyldig e-mail-adresse" in refused.content.decode()

    consultant.post(reverse("contact_person_add", args=[company.pk]), {"name": "Mette Holm", "title": "Indehaver"})
    with _in_a(world):
        contact = CompanyContact.objects.get(company=company)
    page = consultant.get(page_url).content.decode()
    assert "Mette Holm" in page and "Indehaver" in page

    consultant.post(
        reverse("contact_person_edit", args=[company.pk, contact.pk]),
        {"name": "Mette Holm", "title": "Bagermester", "phone": "86 12 34 56"},
    )
    page = consultant.get(page_url).content.decode()
    assert "Bagermester" in page and "tel:86 12 34 56" in page

    ended = consultant.post(reverse("contact_person_end", args=[company.pk, contact.pk]), follow=True)
    assert "Mette Holm er ikke længere kontaktperson hos Bageriet Ø" in ended.content.decode()
    with _in_a(world):
        assert not CompanyContact.objects.filter(company=company).exists()


def test_a_mentor_invited_from_a_new_company_uses_the_mentor_portal(
    world, client_for, django_capture_on_commit_callbacks
):
    consultant = client_for("consultant")
    page_url = _new_company(consultant)
    with _in_a(world):
        company = Company.objects.get(name="Bageriet Ø")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = consultant.post(
            reverse("mentor_invite", args=[company.pk]),
            {"first_name": "Jonas", "last_name": "Bager", "email": "jonas@bageriet.example"},
            follow=True,
        )
    page = sent.content.decode()
    assert "Invitationen er sendt til jonas@bageriet.example" in page
    assert "Jonas Bager" in page and "Inviteret" in page
    assert mail.outbox[0].to == ["jonas@bageriet.example"]

    mentor = Client()
    opened = mentor.post(_invitation_link(mail.outbox[0]), {"password1": PASSWORD, "password2": PASSWORD})
    assert opened.status_code == 302
    with _in_a(world):
        seat = CompanyMentor.objects.select_related("user").get(company=company)
    assert seat.user.email == "jonas@bageriet.example"
    page = consultant.get(page_url).content.decode()
    assert "Har en mentor" in page and "Inviteret" not in page

    # The counsellor places a young person there, with the young person's consent to share their name.
    young_person = world.objects["yp_a"]
    with _in_a(world):
        counsellor = Actor(world.user("counsellor_on_team"), world.org_a, [world.org_a], {Role.COUNSELLOR})
        consent.give(counsellor, young_person, company=company, categories=[FieldCategory.IDENTITY])
        Activity.objects.create(
            organisation=world.org_a,
            young_person=young_person,
            kind=ActivityKind.INTERNSHIP,
            title="Praktik i bageriet",
            company=company,
            state=Activity.State.ACTIVE,
            starts_on=date(2026, 11, 2),
            proposed_by=world.user("counsellor_on_team"),
        )
    log_in(mentor, seat.user)
    portal = mentor.get(reverse("mentor_home")).content.decode()
    assert "Praktik i bageriet" in portal and young_person.first_name in portal

    # The consultant ends the seat: the mentor's portal no longer shows the placement.
    ended = consultant.post(reverse("mentor_end", args=[company.pk, seat.pk]), follow=True)
    assert "er ikke længere mentor hos Bageriet Ø" in ended.content.decode()
    assert "Praktik i bageriet" not in mentor.get(reverse("mentor_home")).content.decode()


def test_a_mentor_invitation_can_be_cancelled_and_then_opens_nothing(
    world, client_for, django_capture_on_commit_callbacks
):
    consultant = client_for("consultant")
    _new_company(consultant)
    with _in_a(world):
        company = Company.objects.get(name="Bageriet Ø")
    with django_capture_on_commit_callbacks(execute=True):
        consultant.post(
            reverse("mentor_invite", args=[company.pk]), {"first_name": "Ib", "email": "ib@bageriet.example"}
        )
    link = _invitation_link(mail.outbox[-1])
    with _in_a(world):
        seat = company.mentor_invitations.get()
    consultant.post(reverse("mentor_invitation_cancel", args=[company.pk, seat.pk]))
    response = Client().post(link, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 404
    with _in_a(world):
        assert not CompanyMentor.objects.filter(company=company).exists()


def test_only_those_who_may_edit_the_company_see_or_use_the_people_actions(world, client_for):
    company = world.objects["company_1"]
    page = client_for("counsellor_on_team").get(reverse("company_detail", args=[company.pk])).content.decode()
    assert reverse("mentor_invite", args=[company.pk]) not in page
    assert reverse("contact_person_add", args=[company.pk]) not in page
    response = client_for("counsellor_on_team").post(
        reverse("contact_person_add", args=[company.pk]), {"name": "Snydepelle"}
    )
    assert response.status_code == 404
    with _in_a(world):
        assert not CompanyContact.objects.filter(name="Snydepelle").exists()
