from django.urls import path

from . import views

urlpatterns = [
    path("groups/", views.groups, name="groups"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("groups/<int:pk>/members/add/", views.member_add, name="group_member_add"),
    path("groups/<int:pk>/members/remove/", views.member_remove, name="group_member_remove"),
    path("groups/<int:pk>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/attendance/", views.meeting_attendance, name="meeting_attendance"),
    path("communities/", views.communities, name="communities"),
    path("communities/new/", views.community_create, name="community_create"),
    path("young/<uuid:pk>/communities/point/", views.point, name="community_point"),
]
