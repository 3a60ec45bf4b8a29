"""gunicorn settings shared by the deployment (deploy/Dockerfile), `make bench` and `make drill`.

Binding, workers and time-outs are given on the command line where each runs.
"""

import gc


def post_worker_init(worker):
    """Load every view once, then take Django's and the app's long-lived objects out of the garbage
    collector's sight (gc.freeze), so a full collection scans only what requests left behind. With
    the whole heap in view a full collection paused a request for ~60 ms: the pages' p99."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every app's views now, not in a request
    gc.freeze()
