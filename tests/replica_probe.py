"""Run by tests/test_replica.py in its own process, with BROBYGGER_DATABASE_URL pointing at a primary
and BROBYGGER_REPLICA_DATABASE_URL at its streaming standby. Prints one JSON line: the tables each
database was asked about while an analyst opened the figures and a counsellor a young person's page."""

import json
import os
import re
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.signals import request_started  # noqa: E402
from django.db import connections, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from brobygger.tenancy.models import Organisation  # noqa: E402
from tests import world as world_module  # noqa: E402
from tests.auth import log_in  # noqa: E402
from tests.parts import whole_page  # noqa: E402

TABLE = re.compile(r'(?:FROM|JOIN|INTO|UPDATE)\s+"(\w+)"')


def wait_for_replica(expected, seconds=30):
    deadline = time.monotonic() + seconds
    while Organisation.objects.using("replica").count() < expected:
        if time.monotonic() > deadline:
            raise SystemExit("the replica did not catch up")
        time.sleep(0.1)


def tables_asked(action):
    """The tables each database was asked about while `action` ran, over every request it made (a page
    and the parts it loads after itself): Django clears the query log when a request starts, so not here."""
    request_started.disconnect(reset_queries)
    for alias in ("default", "replica"):
        connections[alias].force_debug_cursor = True
        connections[alias].queries_log.clear()
    try:
        action()
    finally:
        request_started.connect(reset_queries)
    return {
        alias: sorted({t for q in connections[alias].queries for t in TABLE.findall(q["sql"])})
        for alias in ("default", "replica")
    }


def main():
    setup_test_environment()
    call_command("migrate", verbosity=0)
    world = world_module.build()
    wait_for_replica(Organisation.objects.count())
    analyst, counsellor = log_in(Client(), world.user("analyst")), log_in(Client(), world.user("counsellor_on_team"))
    figures = tables_asked(lambda: whole_page(analyst, "/figures/", {"start": "2026-01-01", "end": "2026-11-01"}))
    page = tables_asked(lambda: whole_page(counsellor, f"/young/{world.objects['yp_a'].pk}/"))
    print("PROBE " + json.dumps({"figures": figures, "young_person_page": page}))


main()
