"""Pages drawn as an outline whose lists are parts the page loads after itself (brobygger.core.parts)."""

from django.urls import reverse
from django_scopes import scopes_disabled

from brobygger.audit.models import AccessLog
from tests.parts import part_addresses


def outlines(world):
    yp = world.objects["yp_a"].pk
    return [
        ("counsellor_on_team", reverse("home")),
        ("counsellor_on_team", reverse("young_person_detail", kwargs={"pk": yp})),
        ("lead", reverse("review_detail", kwargs={"pk": world.objects["review_a"].pk})),
        ("young_a", reverse("portal")),
        ("mentor_with_consent", reverse("mentor_home")),
    ]


def test_each_part_answers_htmx_alone_and_a_plain_link_as_a_page_of_its_own(world, client_for):
    checked = 0
    for fixture, url in outlines(world):
        client = client_for(fixture)
        outline = client.get(url)
        html = outline.content.decode()
        addresses = part_addresses(html)
        assert len(addresses) >= 3, (url, addresses)
        for address in addresses:
            assert f'<a href="{address}">Vis</a>' in html  # the placeholder works without JavaScript
            alone = client.get(address, headers={"HX-Request": "true"})
            assert alone.status_code == 200 and "<html" not in alone.content.decode(), address
            assert "HX-Request" in alone["Vary"]
            page = client.get(address)
            body = page.content.decode()
            assert page.status_code == 200 and "<html" in body and f'<a href="{url}">Tilbage</a>' in body, address
            assert "HX-Request" in page["Vary"]
            checked += 1
    assert checked >= 20


def test_a_part_another_organisation_asks_for_is_not_found(world, client_for):
    yp = world.objects["yp_a"].pk
    for name in ("young_person_notes", "young_person_where", "young_person_team"):
        assert client_for("other_org_user").get(reverse(name, kwargs={"pk": yp})).status_code == 404
    review = world.objects["review_a"].pk
    assert (
        client_for("other_org_user").get(reverse("review_agenda_no_contact", kwargs={"pk": review})).status_code == 404
    )


def test_a_part_the_mentor_has_no_consent_to_is_empty_and_logs_nothing(world, client_for):
    mentor = client_for("mentor_with_consent")
    outline = mentor.get(reverse("young_person_detail", kwargs={"pk": world.objects["yp_a"].pk})).content.decode()
    notes = reverse("young_person_notes", kwargs={"pk": world.objects["yp_a"].pk})
    assert notes not in part_addresses(outline)  # no placeholder for what the mentor may not see
    with scopes_disabled():
        before = AccessLog.objects.count()
    answer = mentor.get(notes, headers={"HX-Request": "true"})
    assert answer.status_code == 200 and "<section" not in answer.content.decode()
    with scopes_disabled():
        assert AccessLog.objects.count() == before
