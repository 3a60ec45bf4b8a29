"""Django's error handlers: drawn without the access layer, and without the database where it is down."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's 500 handler. A database that cannot be reached (stopped, restarting, failing over)
    gets a clear "try again" page with 503 and Retry-After, drawn without touching the database."""
    error = sys.exc_info()[1]
    api_client = request.path.startswith("/api/")
    if isinstance(error, OperationalError | InterfaceError):
        if api_client:
            detail = _("The service cannot reach its database just now. Try again in a moment.")
            response: HttpResponse = JsonResponse({"detail": detail, "errors": []}, status=503)
        else:
            response = render(request, "errors/unavailable.html", status=503)
        response["Retry-After"] = "10"
        return response
    if api_client:
        detail = _("Something went wrong on our side. It has been logged; try again later.")
        return JsonResponse({"detail": detail, "errors": []}, status=500)
    return defaults.server_error(request)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": _("Not found."), "errors": []}, status=404)
    return render(request, "404.html", status=404)
