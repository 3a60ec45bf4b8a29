from django.urls import path

from . import views

urlpatterns = [
    path("young/<uuid:pk>/activities/propose/", views.propose, name="activity_propose"),
    path("young/<uuid:pk>/talents/new/", views.talent_create, name="talent_create"),
    path("activities/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("activities/<int:pk>/answer/", views.answer, name="activity_answer"),
    path("activities/<int:pk>/learning-plan/", views.learning_plan_edit, name="learning_plan_edit"),
    path("activities/<int:pk>/learning-plan/accept/", views.learning_plan_accept, name="learning_plan_accept"),
    path("activities/<int:pk>/attendance/", views.attend, name="activity_attend"),
    path("activities/<int:pk>/end/", views.end, name="activity_end"),
    path("activities/<int:pk>/step-back-in/", views.step_back_in, name="activity_step_back_in"),
    path("activities/<int:pk>/message/", views.message, name="activity_message"),
    path("mentor/", views.mentor_home, name="mentor_home"),
]
