from django.urls import path

from . import views

urlpatterns = [
    path("reviews/", views.reviews, name="reviews"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/decisions/", views.decide, name="review_decide"),
    path("reviews/<int:pk>/distribute/", views.distribute, name="review_distribute"),
]
