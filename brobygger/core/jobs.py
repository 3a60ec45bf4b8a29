"""Background jobs that outlive the worker running them.

django-tasks-db marks a job RUNNING when a worker claims it and never looks at it again, so a worker
killed mid-job (or one that lost its database) left the job RUNNING for ever and the person's page
waiting. Every worker here says it is alive every few seconds (in the shared cache, which lives in
the database); a RUNNING job whose worker has stopped saying so is handed back to the queue, and
after `ATTEMPTS` interruptions it fails, so the app that queued it can tell the person.
Re-running is safe for this project's jobs: each checks its own state first and writes in one
transaction (all or nothing).
"""

import logging
import threading
from typing import Any

from django.core.cache import cache
from django.db import DatabaseError, close_old_connections, transaction
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("brobygger.jobs")

BEAT_SECONDS = 10
ALIVE_SECONDS = 45  # a worker silent this long has stopped
ATTEMPTS = 3


class Interrupted(Exception):
    """The job's worker stopped before it finished, too many times to try again."""


def _alive_key(worker_id: str) -> str:
    return f"worker-alive:{worker_id}"


def beat(worker_id: str) -> None:
    cache.set(_alive_key(worker_id), True, ALIVE_SECONDS)


def alive(worker_id: str) -> bool:
    return cache.get(_alive_key(worker_id)) is not None


def recover_interrupted(idle_worker_id: str | None = None) -> list[DBTaskResult[Any, Any]]:
    """Hand back every RUNNING job whose worker has stopped, or whose worker is `idle_worker_id` (a
    worker between jobs runs none). Returns the jobs handed back or failed."""
    recovered = []
    for running in DBTaskResult.objects.running():
        holder = running.worker_ids[-1] if running.worker_ids else None
        if holder is not None and holder != idle_worker_id and alive(holder):
            continue
        with transaction.atomic():
            locked = DBTaskResult.objects.select_for_update().filter(pk=running.pk, status=TaskResultStatus.RUNNING)
            job = locked.first()
            if job is None:
                continue  # another worker got there first
            if len(job.worker_ids) >= ATTEMPTS:
                job.set_failed(Interrupted(f"stopped {len(job.worker_ids)} times before it finished"))
            else:
                job.status, job.started_at = TaskResultStatus.READY, None
                job.save(update_fields=["status", "started_at"])
        if job.status == TaskResultStatus.FAILED:
            task_finished.send(sender=type(job.task.get_backend()), task_result=job.task_result)
        logger.warning("Job %s of a stopped worker: %s", job.pk, job.status)
        recovered.append(job)
    return recovered


class Heartbeat(threading.Thread):
    """Says the worker is alive, and hands back the jobs of workers that are not, every few seconds."""

    def __init__(self, worker_id: str):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                beat(self.worker_id)
                recover_interrupted()
            except DatabaseError as error:  # the database is away; the worker rides it out
                logger.warning("Heartbeat of %s failed: %s", self.worker_id, error)
            finally:
                close_old_connections()
            self.stopped.wait(BEAT_SECONDS)

    def stop(self) -> None:
        self.stopped.set()
