from django.urls import path

from brobygger.core.parts import paths

from . import start, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    *paths("start/{key}/", views.home_part, start.PARTS, "home_{key}"),
]
