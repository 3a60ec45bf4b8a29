from ninja.security import HttpBearer

from brobygger.security import throttles

from . import services


class TokenAuth(HttpBearer):
    """`Authorization: Bearer bro_…`: a personal access token (see `services.actor_for_token`)."""

    openapi_description = "A personal access token, made under “API tokens” in Brobygger."

    def authenticate(self, request, token):
        actor = services.actor_for_token(token)
        if actor is None:
            throttles.count_wrong_token(request)
        else:
            throttles.check_token_use(request, actor)
        return actor
