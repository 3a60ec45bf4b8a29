"""`manage.py worker`: django-tasks-db's worker, made to outlast what stops it (brobygger.core.jobs).

It says it is alive while it works, hands back the jobs of workers that stopped, and when the
database goes away it waits for it and goes on instead of exiting.
"""

import logging
import time
from typing import Any

from django.db import DatabaseError, close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from brobygger.core import jobs

logger = logging.getLogger("brobygger.jobs")
LONGEST_WAIT = 30


class SteadyWorker(Worker):
    def run(self) -> None:
        heartbeat = jobs.Heartbeat(self.worker_id)
        heartbeat.start()
        wait = self.interval or 1
        try:
            while self.running:
                try:
                    jobs.beat(self.worker_id)
                    jobs.recover_interrupted(idle_worker_id=self.worker_id)
                    super().run()
                    return  # --batch or --max-tasks ended it, or a signal
                except DatabaseError as error:
                    logger.warning("The database is away (%s); trying again in %s s", error, wait)
                    close_old_connections()
                    time.sleep(wait)
                    wait = min(wait * 2, LONGEST_WAIT)
        finally:
            heartbeat.stop()


class Command(DatabaseWorkerCommand):
    help = "Run the background worker: imports and reminders (restart-safe; rides out a database outage)"

    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        exclude_queues: str,
        interval: float,
        batch: bool,
        backend_name: str,
        **options: Any,
    ) -> None:
        # --reload is never honoured: a worker reloaded on a code change stops its job half-way.
        self.configure_logging(verbosity)
        worker = SteadyWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        worker.run()
