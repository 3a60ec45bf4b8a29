from django.urls import path

from . import views

urlpatterns = [
    path("", views.company_list, name="company_list"),
    path("network/", views.dashboard, name="network_dashboard"),
    path("offers/", views.offer_list, name="offer_list"),
    path("offers/<int:pk>/edit/", views.offer_edit, name="offer_edit"),
    path("new/", views.company_create, name="company_create"),
    path("<uuid:pk>/", views.company_detail, name="company_detail"),
    path("<uuid:pk>/edit/", views.company_edit, name="company_edit"),
    path("<uuid:pk>/contacts/new/", views.contact_add, name="contact_add"),
    path("<uuid:pk>/offers/new/", views.offer_create, name="offer_create"),
]
