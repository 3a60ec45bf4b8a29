"""Small helpers for in-process server timings (the Django handler, no network)."""

import statistics
import time

from django.core.signals import request_started
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from tests.parts import part_addresses


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
    """One view of the page as the browser ends up showing it: the page, then each of its parts
    as htmx asks for them. Returns the server time of them all, one after the other, in ms."""
    started = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    for part in part_addresses(response.content.decode()):
        answer = client.get(part, headers={"HX-Request": "true"})
        assert answer.status_code == 200, (part, answer.status_code)
    return (time.perf_counter() - started) * 1000, response


def time_get(client, url, *, repeat=50, warmup=5):
    """Median and p95 in ms of GET url, with the parts a page drawn in parts loads after itself
    (summed: the server's work for one view of the page), the number of those requests and the
    queries of one view."""
    for _ in range(warmup):
        whole_view(client, url)
    samples = [whole_view(client, url)[0] for _ in range(repeat)]
    request_started.disconnect(reset_queries)  # Django clears the query log when a request starts
    try:
        with CaptureQueriesContext(connection) as queries:
            _ms, response = whole_view(client, url)
    finally:
        request_started.connect(reset_queries)
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 95), 2),
        "queries": len(queries),
        "requests": 1 + len(part_addresses(response.content.decode())),
    }
