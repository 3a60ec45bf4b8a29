from django.urls import path

from . import start, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    *(path(f"start/{key}/", views.home_part, {"key": key}, name=f"home_{key}") for key in start.PARTS),
]
