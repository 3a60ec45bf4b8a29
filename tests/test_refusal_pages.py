"""Refusals and errors look like the product, in Danish with a way back, also in the demo where
DEBUG is on (user-walk.md item 8: the demo showed Django's yellow English page listing every URL)."""

import pytest
from django.test import override_settings
from django.urls import reverse


@pytest.mark.parametrize("debug", [True, False])
def test_a_refused_object_is_the_products_own_page(world, client_for, debug):
    other = world.objects["yp_other"]
    with override_settings(DEBUG=debug):
        response = client_for("counsellor_on_team").get(reverse("young_person_detail", kwargs={"pk": other.pk}))
    page = response.content.decode()
    assert response.status_code == 404
    assert "Ikke fundet" in page and 'href="/start/"' in page  # Danish, with a way back
    assert "DEBUG = True" not in page and "URLconf" not in page


@pytest.mark.parametrize("debug", [True, False])
def test_an_address_that_matches_no_page_is_the_products_own_page(world, client_for, debug):
    with override_settings(DEBUG=debug):
        response = client_for("anonymous").get("/ingen-side-her/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Ikke fundet" in page and "URLconf" not in page


def test_the_api_refuses_in_json(world, client_for):
    with override_settings(DEBUG=True):
        response = client_for("counsellor_on_team").get("/api/ingen-her")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
