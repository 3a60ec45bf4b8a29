"""Consent decides what a mentor sees, and withdrawal takes effect on the
very next request (security.md R15, R17, R34)."""

from django.urls import reverse
from django_scopes import scope

from brobygger.consent.models import Consent
from brobygger.consent.texts import CURRENT_VERSION
from tests.parts import whole_page


def detail(world, key="yp_a"):
    return reverse("young_person_detail", kwargs={"pk": world.objects[key].pk})


def test_mentor_sees_exactly_the_consented_categories(world, client_for):
    page = client_for("mentor_with_consent").get(detail(world)).content.decode()
    assert "Asta Andersen" in page  # identity
    assert "+45 20 30 40 50" in page  # contact
    assert "Mette" not in page  # team was not consented
    assert "17." not in page and "2006" not in page  # birth date is never shared
    assert "Jobcentre" not in page and "Jobcenter" not in page  # referral source is never shared
    assert "Lumen" not in page  # the consent list itself is for staff


def test_identity_only_consent_hides_contact(world, client_for):
    with scope(organisation=world.org_a.pk):
        Consent.objects.filter(pk=world.objects["consent_a"].pk).update(categories=["identity"])
    page = client_for("mentor_with_consent").get(detail(world)).content.decode()
    assert "Asta Andersen" in page
    assert "+45 20 30 40 50" not in page


def test_withdrawal_takes_effect_on_the_next_request(world, client_for):
    mentor = client_for("mentor_with_consent")
    assert mentor.get(detail(world)).status_code == 200
    young = client_for("young_a")
    response = young.post(reverse("consent_withdraw", kwargs={"pk": world.objects["consent_a"].pk}))
    assert response.status_code == 302
    assert mentor.get(detail(world)).status_code == 404
    assert b"Asta" not in mentor.get(reverse("young_people_list")).content


def test_removed_team_member_is_denied_on_the_next_request(world, client_for):
    counsellor = client_for("workshop_leader")
    assert counsellor.get(detail(world)).status_code == 200
    client_for("counsellor_on_team").post(reverse("team_remove", kwargs={"pk": world.objects["seat_a"].pk}))
    assert counsellor.get(detail(world)).status_code == 404


def test_young_person_gives_consent_with_text_version(world, client_for):
    client = client_for("young_a")
    response = client.post(
        reverse("own_consent_create"),
        {"company": str(world.objects["company_2"].pk), "categories": ["identity", "team"], "agree": "on"},
    )
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        consent = Consent.objects.get(young_person=world.objects["yp_a"], company=world.objects["company_2"])
    assert consent.categories == ["identity", "team"]
    assert consent.text_version == CURRENT_VERSION
    assert consent.recorded_by == world.user("young_a")
    page = whole_page(client_for("mentor_without_consent"), detail(world))
    assert "Mette" in page and "+45 20 30 40 50" not in page


def test_consent_needs_exactly_one_recipient_and_agreement(world, client_for):
    client = client_for("counsellor_on_team")
    url = reverse("consent_create", kwargs={"pk": world.objects["yp_a"].pk})
    both = client.post(
        url,
        {
            "company": str(world.objects["company_1"].pk),
            "recipient_organisation": str(world.org_b.pk),
            "categories": ["identity"],
            "agree": "on",
        },
    )
    assert both.status_code == 200 and both.context["form"].non_field_errors()
    no_agree = client.post(url, {"company": str(world.objects["company_1"].pk), "categories": ["identity"]})
    assert "agree" in no_agree.context["form"].errors
    nothing = client.post(url, {"company": str(world.objects["company_1"].pk), "agree": "on"})
    assert "categories" in nothing.context["form"].errors


def test_consent_to_another_organisation_shares_only_the_consented_categories(world, client_for):
    other = client_for("other_org_user")
    yp_b = world.objects["yp_b"]
    listing = other.get(reverse("shared_list")).content.decode()
    assert "Bertil Bendtsen" in listing and "Asta" not in listing
    page = other.get(reverse("shared_detail", kwargs={"pk": yp_b.pk})).content.decode()
    assert "Bertil Bendtsen" in page and "Jonas" in page  # identity and team were consented
    assert "+45 20 30 40 50" not in page  # contact was not
    # Still not reachable through the ordinary page of the other organisation.
    assert other.get(detail(world, "yp_b")).status_code == 404


def test_withdrawing_an_organisation_consent_ends_the_sharing(world, client_for):
    yp_b = world.objects["yp_b"]
    with scope(organisation=world.org_a.pk):
        shared = Consent.objects.get(young_person=yp_b, recipient_organisation=world.org_b)
    assert client_for("young_b").post(reverse("consent_withdraw", kwargs={"pk": shared.pk})).status_code == 302
    assert client_for("other_org_user").get(reverse("shared_detail", kwargs={"pk": yp_b.pk})).status_code == 404


def test_young_person_sees_look_ups_by_the_other_organisation(world, client_for):
    from brobygger.access.rules import Kind
    from brobygger.audit.transparency import AccessLog

    yp_b = world.objects["yp_b"]
    client_for("other_org_user").get(reverse("shared_detail", kwargs={"pk": yp_b.pk}))
    with scope(organisation=world.org_a.pk):
        from brobygger.core.transparency import sections

        log_rows = next(s for s in sections() if s.model is AccessLog).rows(yp_b)
        foreign = [r for r in log_rows if r.object_kind == Kind.SHARED_PERSON]
    assert len(foreign) == 1 and foreign[0].organisation_id == world.org_b.pk
    # The portal shows the newest rows of the log (its own view first) and "Vis flere"; the whole
    # log is on the section's own page.
    page = whole_page(client_for("young_b"), reverse("portal"))
    shown = page.split('id="section-access_log"')[1].split("</section>")[0]
    assert "Vis flere" in shown
    whole = whole_page(client_for("young_b"), reverse("own_section", kwargs={"key": "access_log"}))
    assert whole.count("<tr>") == len(log_rows) + 3  # + header + their own two views (the portal, this page)
