"""Small helpers for in-process server timings (the Django handler, no network)."""

import statistics
import time

from django.db import connection
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


def time_get(client, url, *, repeat=50, warmup=5):
    """Median and p95 in ms of GET url, plus the number of queries of one request."""
    for _ in range(warmup):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return {
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(percentile(samples, 95), 2),
        "queries": len(queries),
    }
