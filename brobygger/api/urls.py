from django.urls import path

from . import views
from .api import api

urlpatterns = [
    path("api/", api.urls),
    path("api-tokens/", views.tokens, name="api_tokens"),
    path("api-tokens/<int:token_id>/revoke/", views.token_revoke, name="api_token_revoke"),
]
