from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "brobygger.catalogue"
    verbose_name = "Catalogue of initiatives"
