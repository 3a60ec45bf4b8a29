from django.urls import path

from . import views

urlpatterns = [
    path("<uuid:pk>/", views.young_person_detail, name="young_person_detail"),
    path("<uuid:pk>/erase/", views.young_person_erase, name="young_person_erase"),
    path("shared/", views.shared_list, name="shared_list"),
    path("shared/<uuid:pk>/", views.shared_detail, name="shared_detail"),
]
