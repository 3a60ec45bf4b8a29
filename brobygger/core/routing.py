"""Where queries go when there is a read replica (`BROBYGGER_REPLICA_DATABASE_URL`, docs/deploy.md).

Analytics reads (the outcome figures, their exports and the open data files: large scans that may
be a few seconds behind) go to the replica inside `analytics_reads()`; every other read and every
write goes to the primary, so a page never reads its own write from a replica that has not got it yet.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings

PRIMARY, REPLICA = "default", "replica"
_analytics = ContextVar("brobygger_analytics_reads", default=False)


@contextmanager
def analytics_reads() -> Iterator[None]:
    token = _analytics.set(True)
    try:
        yield
    finally:
        _analytics.reset(token)


class AnalyticsReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str:
        return REPLICA if _analytics.get() and REPLICA in settings.DATABASES else PRIMARY

    def db_for_write(self, model: type, **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: object, obj2: object, **hints: Any) -> bool:
        return True

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool:
        return db == PRIMARY
