from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "brobygger.security"
    label = "security"
    verbose_name = "Security"

    def ready(self):
        from . import checks, signals  # noqa: F401
