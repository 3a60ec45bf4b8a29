from django.urls import path

from . import views

urlpatterns = [
    path("catalogue/", views.catalogue, name="catalogue"),
    path("catalogue/compare/", views.compare, name="catalogue_compare"),
    path("catalogue/ingredients/", views.ingredients, name="catalogue_ingredients"),
    path("catalogue/new/", views.entry_new, name="catalogue_entry_new"),
    path("catalogue/assessments/", views.assessments, name="catalogue_assessments"),
    path("catalogue/<slug:slug>/", views.entry_detail, name="catalogue_entry"),
    path("catalogue/<slug:slug>/edit/", views.entry_edit, name="catalogue_entry_edit"),
    path("catalogue/<slug:slug>/delete/", views.entry_delete, name="catalogue_entry_delete"),
    path("catalogue/<slug:slug>/history/", views.entry_history, name="catalogue_entry_history"),
    path("catalogue/<slug:slug>/assessment/", views.assessment_edit, name="catalogue_assessment"),
    path("catalogue/<slug:slug>/assessment/publish/", views.assessment_publish, name="catalogue_assessment_publish"),
]
