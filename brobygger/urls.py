from django.urls import include, path
from django.views.i18n import set_language

from brobygger.access.policy import public
from brobygger.companies.views import esco_search

urlpatterns = [
    path("", include("brobygger.home.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/setlang/", public(set_language, methods=("POST",)), name="set_language"),
    path("young/", include("brobygger.people.urls")),
    path("young/", include("brobygger.casefile.urls")),
    path("companies/", include("brobygger.companies.urls")),
    path("esco/", esco_search, name="esco_search"),
    path("org/", include("brobygger.tenancy.urls")),
    path("audit/", include("brobygger.audit.urls")),
    path("", include("brobygger.portal.urls")),
    path("", include("brobygger.consent.urls")),
    path("", include("brobygger.pathways.urls")),
    path("", include("brobygger.conversations.urls")),
    path("", include("brobygger.staircase.urls")),
    path("", include("brobygger.sensitive.urls")),
    path("", include("brobygger.followup.urls")),
    path("", include("brobygger.community.urls")),
    path("", include("brobygger.reviews.urls")),
    path("", include("brobygger.outcomes.urls")),
    path("", include("brobygger.certificates.urls")),
    path("", include("brobygger.matching.urls")),
    path("", include("brobygger.catalogue.urls")),
    path("", include("brobygger.guide.urls")),
    path("", include("brobygger.api.urls")),
    path("", include("brobygger.exchange.urls")),
    path("", include("brobygger.attachments.urls")),
]

handler404 = "brobygger.core.views.not_found"
handler500 = "brobygger.core.views.server_error"
