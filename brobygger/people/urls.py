from django.urls import path

from brobygger.web.parts import paths

from . import views

urlpatterns = [
    path("", views.young_people_list, name="young_people_list"),
    path("new/", views.young_person_create, name="young_person_create"),
    path("cpr/", views.young_person_find_cpr, name="young_person_find_cpr"),
    path("<uuid:pk>/", views.young_person_detail, name="young_person_detail"),
    *paths("<uuid:pk>/parts/{key}/", views.young_person_part, views.PARTS, "young_person_{key}"),
    path("<uuid:pk>/edit/", views.young_person_edit, name="young_person_edit"),
    path("<uuid:pk>/erase/", views.young_person_erase, name="young_person_erase"),
    path("<uuid:pk>/team/add/", views.team_add, name="team_add"),
    path("<uuid:pk>/account/", views.account_create, name="account_create"),
    path("team/<int:pk>/remove/", views.team_remove, name="team_remove"),
    path("shared/", views.shared_list, name="shared_list"),
    path("shared/<uuid:pk>/", views.shared_detail, name="shared_detail"),
]
