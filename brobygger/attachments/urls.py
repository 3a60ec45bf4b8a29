from django.urls import path

from . import views

urlpatterns = [
    path("young/<uuid:pk>/documents/new/", views.attachment_create, name="attachment_create"),
    path("documents/<int:pk>/", views.attachment_download, name="attachment_download"),
    path("documents/<int:pk>/delete/", views.attachment_delete, name="attachment_delete"),
]
