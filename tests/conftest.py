import pytest
from django.test import Client

from tests import world as world_module


@pytest.fixture
def world(db):
    return world_module.build()


@pytest.fixture
def client_for(world):
    """A logged-in test client for a fixture name ('anonymous' gives none)."""

    def make(name):
        client = Client()
        user = world.user(name)
        if user is not None:
            client.force_login(user)
        return client

    return make


# Playwright fixtures live here, once, so every browser test shares one Chromium.
from tests.browser import browser, phone  # noqa: E402,F401
