"""The REST API under /api/: OpenAPI 3.1 at /api/openapi.json, browsable at /api/docs.

Every operation is declared with `policy.api_rule`, `api_public` or `api_login_only`,
the same rules as the pages (the URL × role matrix test walks `operations()`).
"""

import math

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as ModelValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from brobygger.core.errors import Refused

from . import errors
from .auth import TokenAuth
from .routes import network, people, public

api = NinjaAPI(
    title="Brobygger API",
    version="1",
    description=(
        "Young people, pathways, companies, offers, follow-up, outcome figures and the catalogue of initiatives. "
        "Send a personal access token as `Authorization: Bearer bro_…`. The same access rules and access log "
        "apply as on the pages; anything the token's user may not see answers 404."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
)
api.add_router("/", people.router)
api.add_router("/", network.router)
api.add_router("/", network.figures_router)
api.add_router("/", public.router)
api.add_router("/", public.me_router)


@api.exception_handler(ValidationError)
def invalid_input(request, exc):
    return api.create_response(request, errors.from_pydantic(exc.errors), status=422)


@api.exception_handler(ModelValidationError)
def invalid_model(request, exc):
    return api.create_response(request, errors.from_django(exc), status=400)


@api.exception_handler(Refused)
def refused(request, exc):
    return api.create_response(request, errors.problem(exc), status=400)


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc):
    detail = _("The request is too large. Send at most %(mb)s MB at a time.") % {
        "mb": round(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024, 1)
    }
    return api.create_response(request, errors.problem(detail), status=413)


@api.exception_handler(HttpError)
def http_error(request, exc):
    # django-ninja answers a body it cannot parse with an English sentence of its own.
    detail = _("The body is not valid JSON.") if exc.status_code == 400 else str(exc)
    return api.create_response(request, errors.problem(detail), status=exc.status_code)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    detail = _("A valid API token is needed: Authorization: Bearer followed by the token.")
    return api.create_response(request, errors.problem(detail), status=401)


@api.exception_handler(Throttled)
def throttled(request, exc):
    detail = _("Too many requests. Wait a little and try again.")
    response = api.create_response(request, errors.problem(detail), status=429)
    if exc.wait:
        response["Retry-After"] = str(math.ceil(exc.wait))
    return response


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, errors.problem(_("Not found.")), status=404)


def operations():
    """(path, method, view function) for every API operation."""
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    yield (prefix + path).replace("//", "/"), method, operation.view_func
