from django.urls import path

from . import views

urlpatterns = [
    path("", views.company_list, name="company_list"),
    path("new/", views.company_create, name="company_create"),
    path("<uuid:pk>/", views.company_detail, name="company_detail"),
    path("<uuid:pk>/edit/", views.company_edit, name="company_edit"),
]
