from ninja.security import HttpBearer

from . import services


class TokenAuth(HttpBearer):
    """`Authorization: Bearer bro_…`: a personal access token (see `services.actor_for_token`)."""

    openapi_description = "A personal access token, made under “API tokens” in Brobygger."

    def authenticate(self, request, token):
        return services.actor_for_token(token)
