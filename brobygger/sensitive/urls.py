from django.urls import path

from . import views

urlpatterns = [
    path("young/<uuid:pk>/sensitive/", views.sensitive_open, name="sensitive_open"),
    path("young/<uuid:pk>/sensitive/new/", views.sensitive_create, name="sensitive_create"),
]
