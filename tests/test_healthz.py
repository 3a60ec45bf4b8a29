"""The health check a load balancer polls (and the page benchmark's floor), and the Server-Timing header."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext


def test_healthz_answers_ok_with_one_query_and_its_server_time(db, client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    # ATOMIC_REQUESTS wraps it in a savepoint in tests; the work is the one SELECT.
    assert [q["sql"] for q in queries if "SAVEPOINT" not in q["sql"]] == ["SELECT 1"]
    assert re.fullmatch(r"app;dur=\d+\.\d", response["Server-Timing"])


def _answer_to(error):
    from django.test import RequestFactory
    from django.utils import translation

    from brobygger.core.views import server_error

    with translation.override("da"):
        try:
            raise error
        except Exception:
            return server_error(RequestFactory().get("/young/"))


def test_a_database_that_cannot_be_reached_gets_a_clear_try_again_page():
    from django.db import InterfaceError, OperationalError

    for error in (OperationalError("server closed the connection unexpectedly"), InterfaceError("connection closed")):
        response = _answer_to(error)
        assert response.status_code == 503 and response["Retry-After"] == "10"
        assert "Prøv igen om lidt" in response.content.decode()


def test_any_other_error_is_a_plain_500():
    response = _answer_to(ValueError("a bug"))
    assert response.status_code == 500 and "Prøv igen om lidt" not in response.content.decode()


def test_migrate_makes_the_shared_cache_table(transactional_db):
    """Logins, rate limits and used TOTP codes need it; a fresh installation gets it from `migrate`."""
    from django.conf import settings
    from django.core.management import call_command

    table = settings.CACHES["default"]["LOCATION"]
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}")
    call_command("migrate", verbosity=0)
    assert table in connection.introspection.table_names()


def test_the_workers_load_every_view_then_freeze_what_is_loaded_out_of_the_collectors_sight():
    """deploy/gunicorn.conf.py, which the deployment, `make bench` and `make drill` all start with."""
    import gc
    import runpy
    from pathlib import Path

    from bench import loopback

    config = Path(__file__).resolve().parent.parent / "deploy" / "gunicorn.conf.py"
    assert str(config) in [str(part) for part in loopback.gunicorn("/bin", 8000, "warning")]
    assert '"-c", "deploy/gunicorn.conf.py"' in (config.parent / "Dockerfile").read_text()
    gc.unfreeze()
    try:
        runpy.run_path(str(config))["post_worker_init"](worker=None)
        assert gc.get_freeze_count() > 10_000  # Django, the app and every view module
    finally:
        gc.unfreeze()


def test_a_database_that_takes_the_connection_and_never_answers_is_given_up_on():
    """Such a database held a request for 60 s and then gave a 500. The settings'
    time limits make the connection give up, which the pages answer with the 503 "try again" page."""
    import socket
    import threading

    import psycopg

    from brobygger.settings import postgresql_time_limits

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # the kernel completes the handshake; nobody ever answers
    limits = postgresql_time_limits() | {"connect_timeout": 2}
    outcome = []

    def connect():
        # The driver Django uses, with the options the settings give it.
        try:
            psycopg.connect(host="127.0.0.1", port=silent.getsockname()[1], dbname="brobygger", **limits)
        except Exception as error:  # noqa: BLE001  (any other error fails the assertion below)
            outcome.append(error)

    worker = threading.Thread(target=connect, daemon=True)
    worker.start()
    worker.join(timeout=60)  # a bound for a broken setting, never a pause: join returns when it gives up
    silent.close()
    assert not worker.is_alive(), "the connection waited on a database that never answers"
    assert outcome and isinstance(outcome[0], psycopg.OperationalError), outcome
    assert "statement_timeout=" in limits["options"]
