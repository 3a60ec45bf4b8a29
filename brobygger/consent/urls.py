from django.urls import path

from . import views

urlpatterns = [
    path("young/<uuid:pk>/consents/new/", views.consent_create, name="consent_create"),
    path("me/consents/new/", views.own_consent_create, name="own_consent_create"),
    path("consents/<uuid:pk>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
]
