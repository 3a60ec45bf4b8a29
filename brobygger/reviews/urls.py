from django.urls import path

from brobygger.core.parts import paths

from . import views
from .selectors import PARTS

urlpatterns = [
    path("reviews/", views.reviews, name="reviews"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/decisions/", views.decide, name="review_decide"),
    path("reviews/<int:pk>/distribute/", views.distribute, name="review_distribute"),
]
# Each list of the agenda is a part of the review's page with an address of its own.
urlpatterns += paths("reviews/<int:pk>/agenda/{key}/", views.review_part, PARTS, "review_agenda_{key}")
