"""Small helpers for in-process server timings (the Django handler, no network)."""

import statistics
import time

from django.core.signals import request_started
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext


def fresh_statistics():
    """ANALYZE after the bulk load, so the pages run on the plans a live database has (autovacuum
    keeps its statistics fresh), not on plans made for empty tables."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def percentile(values, pct):
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def whole_view(client, url):
    """One view of the page, whole in its one answer (brobygger.core.parts). Returns its server
    time in ms and the response."""
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - started) * 1000, response


def time_get(client, url, *, repeat=50, warmup=5):
    """Median and p95 in ms of GET url and the queries of one view."""
    for _ in range(warmup):
        whole_view(client, url)
    samples = [whole_view(client, url)[0] for _ in range(repeat)]
    request_started.disconnect(reset_queries)  # Django clears the query log when a request starts
    try:
        with CaptureQueriesContext(connection) as queries:
            whole_view(client, url)
    finally:
        request_started.connect(reset_queries)
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 95), 2),
        "queries": len(queries),
    }
