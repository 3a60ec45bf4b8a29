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
    path("<uuid:pk>/people/new/", views.contact_person_add, name="contact_person_add"),
    path("<uuid:pk>/people/<int:contact>/edit/", views.contact_person_edit, name="contact_person_edit"),
    path("<uuid:pk>/people/<int:contact>/end/", views.contact_person_end, name="contact_person_end"),
    path("<uuid:pk>/mentors/invite/", views.mentor_invite, name="mentor_invite"),
    path("<uuid:pk>/mentors/<int:mentor>/end/", views.mentor_end, name="mentor_end"),
    path(
        "<uuid:pk>/mentors/invitations/<int:seat>/cancel/",
        views.mentor_invitation_cancel,
        name="mentor_invitation_cancel",
    ),
    path("<uuid:pk>/offers/new/", views.offer_create, name="offer_create"),
]
