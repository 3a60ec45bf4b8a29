from django.urls import path

from . import views

urlpatterns = [
    path("guide/", views.index, name="guide"),
    path("guide/glossary/", views.glossary, name="glossary"),
    path("guide/glossary/new/", views.term_new, name="glossary_term_new"),
    path("guide/glossary/<slug:term>/edit/", views.term_edit, name="glossary_term_edit"),
    path("guide/history/<slug:content>/<path:item>/", views.history, name="guide_history"),
    path("guide/<slug:audience>/<slug:topic>/", views.page_detail, name="guide_page"),
    path("guide/<slug:audience>/<slug:topic>/edit/", views.page_edit, name="guide_page_edit"),
]
