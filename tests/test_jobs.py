"""Background jobs outlive the worker that ran them: a job cut off is handed back
and finished by the next worker, a job cut off too often ends with a message on the person's page,
and a live worker's job is left alone. The worker runs here as `manage.py worker` does."""

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from brobygger.core import jobs
from brobygger.exchange.models import ImportBatch
from tests.test_exchange import OFFERS_CSV, upload

QUEUED = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})


def _queued_check(client_for):
    """A file uploaded with a worker-run queue: its check waits as a job."""
    response = upload(client_for("consultant"), "offers", OFFERS_CSV.encode())
    batch = ImportBatch.objects.with_scopes_disabled().get(pk=int(response["Location"].rstrip("/").split("/")[-1]))
    job = DBTaskResult.objects.get()
    assert batch.state == "checking" and job.status == TaskResultStatus.READY
    return batch, job


def _cut_off(job, *workers):
    """What a worker killed mid-job leaves behind: the job RUNNING under a worker that says nothing."""
    job.claim(workers[-1])
    DBTaskResult.objects.filter(pk=job.pk).update(worker_ids=list(workers))


def _run_worker():
    call_command("worker", "--batch", "--no-startup-delay", "--worker-id", "next-worker", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_job_whose_worker_was_killed_is_finished_by_the_next_worker(world, client_for):
    with QUEUED:
        batch, job = _queued_check(client_for)
        _cut_off(job, "killed-worker")
        _run_worker()
    job.refresh_from_db()
    batch.refresh_from_db()
    assert job.status == TaskResultStatus.SUCCESSFUL and job.worker_ids == ["killed-worker", "next-worker"]
    assert batch.state == "checked" and batch.rows_total == 3


@pytest.mark.django_db(transaction=True)
def test_a_job_cut_off_again_and_again_ends_and_the_page_says_so(world, client_for):
    with QUEUED:
        batch, job = _queued_check(client_for)
        _cut_off(job, *[f"killed-{n}" for n in range(jobs.ATTEMPTS)])
        _run_worker()
    job.refresh_from_db()
    batch.refresh_from_db()
    assert job.status == TaskResultStatus.FAILED and "Interrupted" in job.exception_class_path
    assert batch.state == "refused"
    page = client_for("consultant").get(f"/exchange/{batch.pk}/").content.decode()
    assert "Tjekket blev afbrudt, før det var færdigt. Upload filen igen." in page


@pytest.mark.django_db(transaction=True)
def test_the_job_of_a_worker_that_is_alive_is_left_alone(world, client_for):
    with QUEUED:
        batch, job = _queued_check(client_for)
        _cut_off(job, "busy-worker")
        jobs.beat("busy-worker")
        assert jobs.recover_interrupted() == []
        assert jobs.recover_interrupted(idle_worker_id="busy-worker") != []  # a worker between jobs runs none
    job.refresh_from_db()
    assert job.status == TaskResultStatus.READY
