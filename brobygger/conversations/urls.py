from django.urls import path

from . import views

urlpatterns = [
    path("young/<uuid:pk>/notes/new/", views.note_create, name="note_create"),
    path("young/<uuid:pk>/notes/", views.notes_list, name="notes_list"),
    path("notes/<int:pk>/edit/", views.note_edit, name="note_edit"),
]
