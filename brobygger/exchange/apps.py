from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "brobygger.exchange"
    verbose_name = "Import and export (CSV and Excel)"
