import logging

import pytest
from django.test import Client

from tests import world as world_module
from tests.auth import log_in


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
            log_in(client, user)
        return client

    return make


# Playwright fixtures live here, once, so every browser test shares one Chromium.
from tests.browser import browser, phone  # noqa: E402,F401


@pytest.fixture(scope="session", autouse=True)
def capture_every_log_line():
    """Every log record of the run goes through a handler like production's; see pytest_sessionfinish."""
    from django.contrib.sessions.backends.base import SessionBase

    from tests import logscan

    handler = logscan.CaptureHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    previous_level, root.level = root.level, logging.INFO
    new_key = SessionBase._get_new_session_key

    def recording_new_key(self):
        key = new_key(self)
        logscan.SESSION_KEYS.add(key)
        return key

    SessionBase._get_new_session_key = recording_new_key
    yield
    SessionBase._get_new_session_key = new_key
    root.removeHandler(handler)
    root.level = previous_level


def pytest_sessionfinish(session, exitstatus):
    """Fail the run if any log line held a CPR number, a session key or an API token (security.md R27)."""
    from tests import logscan

    found = logscan.findings()
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"log scan: {len(logscan.LINES)} log lines searched for CPR numbers, "
            f"{len(logscan.SESSION_KEYS)} session keys and API tokens: {len(found)} found"
        )
        for line in found[:20]:
            reporter.write_line(f"  {line}")
    if found:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus):
    from tests.attacks import TRIED

    if TRIED:
        outcome = "none got through" if exitstatus == 0 else "SEE THE FAILURES ABOVE"
        terminalreporter.write_line(f"attack inputs tried: {sum(TRIED.values())}, {outcome}")
        for kind, count in sorted(TRIED.items()):
            terminalreporter.write_line(f"  {kind}: {count}")
