from django.urls import path

from . import start, views
from .parts import paths

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    *paths("start/{key}/", views.home_part, start.PARTS, "home_{key}"),
]
