from django.urls import path

from . import views

urlpatterns = [
    path("", views.young_people_list, name="young_people_list"),
    path("new/", views.young_person_create, name="young_person_create"),
    path("cpr/", views.young_person_find_cpr, name="young_person_find_cpr"),
    path("<uuid:pk>/edit/", views.young_person_edit, name="young_person_edit"),
    path("<uuid:pk>/team/add/", views.team_add, name="team_add"),
    path("<uuid:pk>/account/", views.account_create, name="account_create"),
    path("team/<int:pk>/remove/", views.team_remove, name="team_remove"),
]
