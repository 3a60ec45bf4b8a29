"""End to end in Chromium on a 375 px phone."""

import pytest
from django_scopes import scope

from tests.browser import PASSWORD, assert_no_horizontal_scroll, log_in, log_out, world_with_passwords

pytestmark = pytest.mark.browser


@pytest.fixture
def live_world(transactional_db):
    return world_with_passwords("counsellor_on_team", "young_a", "mentor_without_consent")


def team_names(page):
    return page.locator("#team li, #section-team li").all_inner_texts()


def test_counsellor_and_young_person_see_the_same_team(live_server, live_world, phone):
    log_in(phone, live_server.url, "counsellor_on_team@a.example", PASSWORD)
    assert "Dine unge" in phone.content()
    assert_no_horizontal_scroll(phone)
    phone.get_by_role("link", name="Asta Andersen").first.click()
    phone.wait_for_load_state("networkidle")
    assert_no_horizontal_scroll(phone)
    staff_view = team_names(phone)
    assert any("Mette" in t for t in staff_view) and any("Freja" in t for t in staff_view)

    log_out(phone)
    log_in(phone, live_server.url, "young_a@a.example", PASSWORD)
    assert phone.url.endswith("/me/")
    assert_no_horizontal_scroll(phone)
    own_view = team_names(phone)
    assert any("Mette" in t for t in own_view) and any("Freja" in t for t in own_view)
    assert len(own_view) == len(staff_view)


def test_young_person_withdraws_consent_and_the_mentor_loses_access(live_server, live_world, phone):
    yp = live_world.objects["yp_a"]
    with scope(organisation=live_world.org_a.pk):
        company = live_world.objects["company_2"]
        from brobygger.access.actor import Actor
        from brobygger.consent import services
        from brobygger.tenancy.models import Role

        actor = Actor(live_world.user("young_a"), live_world.org_a, [live_world.org_a], {Role.YOUNG_PERSON})
        services.give(actor, yp, company=company, categories=["identity"])
    log_in(phone, live_server.url, "young_a@a.example", PASSWORD)
    withdraw = phone.locator("#section-consents li", has_text="Radar").get_by_role(
        "button", name="Træk samtykke tilbage"
    )
    withdraw.click()
    phone.wait_for_load_state("networkidle")
    assert "Samtykket er trukket tilbage" in phone.content()

    mentor = phone.context.browser.new_context(viewport={"width": 375, "height": 740}).new_page()
    log_in(mentor, live_server.url, "mentor_without_consent@a.example", PASSWORD)
    response = mentor.goto(f"{live_server.url}/young/{yp.pk}/")
    assert response.status == 404
    mentor.context.close()
