from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "brobygger.exchange"
    verbose_name = "Import and export (CSV and Excel)"

    def ready(self):
        from django_tasks.signals import task_finished

        from .tasks import end_batch_of_failed_job

        task_finished.connect(end_batch_of_failed_job, dispatch_uid="exchange.end_batch_of_failed_job")
