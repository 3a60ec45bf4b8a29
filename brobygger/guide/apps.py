from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "brobygger.guide"
    verbose_name = "Rules guide and glossary"
