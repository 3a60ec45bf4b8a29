from django.urls import path

from . import views

urlpatterns = [
    path("", views.landing, name="landing"),
    path("start/", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
]
