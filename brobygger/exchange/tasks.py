from django_tasks import TaskResultStatus, task

from . import services


@task()
def check_batch(batch_id):
    services.run_check(batch_id)


@task()
def import_batch(batch_id):
    services.run_import(batch_id)


def end_batch_of_failed_job(sender, task_result, **kwargs):
    """django-tasks' task_finished: a check or import job that failed ends its batch."""
    ours = {check_batch.module_path, import_batch.module_path}
    if task_result.status == TaskResultStatus.FAILED and task_result.task.module_path in ours:
        services.end_unfinished(task_result.args[0])
