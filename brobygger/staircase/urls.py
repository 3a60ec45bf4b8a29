from django.urls import path

from . import views

urlpatterns = [
    path("young/<uuid:pk>/activities/propose/", views.propose, name="activity_propose"),
    path("activities/<int:pk>/answer/", views.answer, name="activity_answer"),
]
