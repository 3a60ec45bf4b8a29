from django.urls import path

from . import views

urlpatterns = [
    path("young/<uuid:pk>/match-profile/", views.profile_edit, name="match_profile_edit"),
    path("young/<uuid:pk>/matches/", views.offers_for_young_person, name="offers_for_young_person"),
    path("companies/offers/<int:pk>/matches/", views.young_people_for_offer, name="young_people_for_offer"),
    path("me/match-profile/", views.own_profile_edit, name="own_match_profile_edit"),
    path("me/rounds/<int:pk>/", views.rank_offers, name="rank_offers"),
    path("me/rounds/<int:pk>/leave/", views.leave_round, name="leave_round"),
    path("matching/weights/", views.weights_edit, name="match_weights"),
    path("matching/rounds/", views.rounds, name="rounds"),
    path("matching/rounds/<int:pk>/", views.round_detail, name="round_detail"),
    path("matching/rounds/<int:pk>/add/", views.round_add, name="round_add"),
    path("matching/rounds/<int:pk>/compute/", views.round_compute, name="round_compute"),
    path("matching/rounds/<int:pk>/publish/", views.round_publish, name="round_publish"),
    path("matching/rounds/<int:pk>/close/", views.round_close, name="round_close"),
    path("matching/round-offers/<int:pk>/ranking/", views.rank_applicants, name="rank_applicants"),
]
