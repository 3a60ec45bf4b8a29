from django.urls import path

from . import views

urlpatterns = [
    path("young/<uuid:pk>/accept/", views.accept, name="pathway_accept"),
    path("young/<uuid:pk>/end/", views.pathway_end, name="pathway_end"),
    path("young/<uuid:pk>/phase/", views.phase_change, name="phase_change"),
    path("young/<uuid:pk>/tracks/", views.tracks_edit, name="tracks_edit"),
    path("young/<uuid:pk>/status/", views.status_change, name="status_change"),
    path("young/<uuid:pk>/status/quick/", views.status_quick, name="status_quick"),
    path("young/<uuid:pk>/steps/new/", views.step_create, name="step_create"),
    path("steps/<int:pk>/edit/", views.step_edit, name="step_edit"),
    path("steps/<int:pk>/toggle/", views.step_toggle, name="step_toggle"),
]
