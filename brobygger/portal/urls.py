from django.urls import path

from . import views

urlpatterns = [
    path("me/", views.portal, name="portal"),
    path("me/steps/new/", views.own_step_create, name="own_step_create"),
    path("me/tracks/", views.own_tracks_edit, name="own_tracks_edit"),
    path("me/accept/", views.own_accept, name="own_accept"),
    path("me/wishes/new/", views.wish_create, name="wish_create"),
    path("me/export.json", views.export_json, name="export_json"),
    path("me/export.pdf", views.export_pdf, name="export_pdf"),
    path("me/all/<slug:key>/", views.own_section, name="own_section"),
]
