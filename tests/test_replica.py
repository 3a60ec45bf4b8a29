"""The database router with a real streaming replica: two PostgreSQL clusters on Unix sockets, the
second made from the first with pg_basebackup and following it. The analytics scan of the figures
page goes to the replica; the page's session, access-log write and everything on other pages go to
the primary. The standby is read-only, so a write sent to it would fail the probe."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from tests import pgcluster

pytestmark = [
    pytest.mark.skipif(
        pgcluster.find_bindir() is None, reason="PostgreSQL is not installed (apt-get install postgresql)"
    ),
    pytest.mark.skipif(
        os.environ.get("BROBYGGER_TEST_DB", "sqlite") != "sqlite",
        reason="starts its own two clusters whatever the run's database: checked once, in the SQLite run",
    ),
]
FIGURE_TABLES = {"pathways_statusentry", "pathways_pathway", "followup_statuscheck", "outcomes_response"}


def url(db):
    return f"postgres://postgres@/brobygger?host={db['HOST']}&port={db['PORT']}"


@pytest.fixture(scope="module")
def probe():
    primary, replica, stop = pgcluster.start_with_replica()
    try:
        env = {
            **os.environ,
            "BROBYGGER_DATABASE_URL": url(primary),
            "BROBYGGER_REPLICA_DATABASE_URL": url(replica),
            "BROBYGGER_TEST_DB": "sqlite",  # tests.settings then keeps the URLs above
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        result = subprocess.run(
            [sys.executable, "tests/replica_probe.py"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
        )
        line = next((ln for ln in result.stdout.splitlines() if ln.startswith("PROBE ")), None)
        assert result.returncode == 0 and line, result.stdout[-2000:] + result.stderr[-3000:]
        return json.loads(line.removeprefix("PROBE "))
    finally:
        stop()


def test_the_figures_scan_reads_from_the_replica(probe):
    figures = probe["figures"]
    assert set(figures["replica"]) >= FIGURE_TABLES, figures
    assert not FIGURE_TABLES & set(figures["default"]), figures


def test_writes_and_the_session_stay_on_the_primary(probe):
    figures = probe["figures"]
    assert {"django_session", "audit_accesslog"} <= set(figures["default"])
    assert not {"django_session", "audit_accesslog"} & set(figures["replica"])


def test_other_pages_read_only_from_the_primary(probe):
    page = probe["young_person_page"]
    assert page["replica"] == []
    assert "people_youngperson" in page["default"]
