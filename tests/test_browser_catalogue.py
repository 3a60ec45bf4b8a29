"""The public catalogue in Chromium on a 375 px phone: live search as you type,
two initiatives side by side, and a word looked up from the header."""

import pytest

from brobygger.catalogue import services as catalogue
from brobygger.guide import services as guide
from tests.browser import assert_no_horizontal_scroll, open_menu

pytestmark = pytest.mark.browser


@pytest.fixture
def public_content(transactional_db):
    catalogue.load_catalogue()
    guide.load_guide()


def test_search_as_you_type_then_compare_two_initiatives(live_server, public_content, phone):
    from playwright.sync_api import expect

    phone.goto(f"{live_server.url}/catalogue/")
    assert_no_horizontal_scroll(phone)
    phone.get_by_label("Søg").fill("fritidsjob")
    # A locator wait, not wait_for_function: the page's CSP has no 'unsafe-eval', rightly.
    expect(phone.locator("#results [role=status]")).to_contain_text("bedste match")
    assert "fritidsjob" in phone.url  # the search is in the address, so it can be shared and reloaded
    assert "Fritidsjob på plejecentre" in phone.locator("#results").inner_text()
    phone.get_by_label("Sammenlign Spirerne").check()
    phone.get_by_label("Sammenlign Coop Crew – når fritid bli'r til fremtid").check()
    phone.get_by_role("button", name="Sammenlign de valgte").click()
    phone.wait_for_load_state("networkidle")
    assert "/catalogue/compare/" in phone.url, phone.url
    assert phone.locator("table.compare").count() == 1, (phone.url, phone.locator("main").inner_text()[:500])
    header = phone.locator("table.compare thead").inner_text()
    assert "Spirerne" in header and "Coop Crew" in header
    assert "792" in phone.locator("table.compare").inner_text()


def test_look_up_a_municipal_word_from_the_header(live_server, public_content, phone):
    phone.goto(f"{live_server.url}/guide/virksomheder/loentilskud/")
    open_menu(phone)  # on a phone the look-up sits in the folded menu
    phone.get_by_label("Slå et ord op i ordbogen").fill("aktivitetsparat")
    phone.get_by_role("button", name="Slå op").click()
    phone.wait_for_load_state("networkidle")
    assert "Ikke klar til et almindeligt job endnu" in phone.content()
    assert_no_horizontal_scroll(phone)
