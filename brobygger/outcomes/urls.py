from django.urls import path

from . import views

urlpatterns = [
    path("me/measures/", views.own_measures, name="own_measures"),
    path("me/measures/<slug:instrument>/", views.own_measure_answer, name="own_measure_answer"),
    path("young/<uuid:pk>/measures/<slug:instrument>/", views.measure_answer, name="measure_answer"),
    path("attention/<int:pk>/done/", views.attention_done, name="attention_done"),
]
