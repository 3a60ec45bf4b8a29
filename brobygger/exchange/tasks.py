from django_tasks import task

from . import services


@task()
def check_batch(batch_id):
    services.run_check(batch_id)


@task()
def import_batch(batch_id):
    services.run_import(batch_id)
