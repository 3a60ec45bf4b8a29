from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "brobygger.api"
    verbose_name = "REST API"
