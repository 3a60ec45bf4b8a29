from django.urls import path

from . import views

urlpatterns = [
    path("followup/", views.followup_home, name="followup_home"),
    path("followup/contacts/<int:pk>/", views.contact_record, name="followup_contact"),
    path("followup/checks/<int:pk>/", views.check_record, name="followup_check"),
    path("followup/feed/new/", views.feed_issue, name="followup_feed_issue"),
    path("followup/feed/stop/", views.feed_stop, name="followup_feed_stop"),
    path("followup/feed/<str:token>.ics", views.feed, name="followup_feed"),
    path("young/<uuid:pk>/followup/start/", views.plan_start, name="followup_start"),
]
