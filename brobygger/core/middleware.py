import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

GetResponse = Callable[[HttpRequest], HttpResponse]


class ServerTimingMiddleware:
    """`Server-Timing: app;dur=<ms>` on every answer: the time Django spent, whole middleware stack
    included, for the browser's developer tools and the page benchmark (bench/bench_pages.py)."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response


class NoStoreForPersonalPagesMiddleware:
    """Pages for a logged-in user may hold personal data: never cache them
    (security.md R11, ASVS 14.3.2)."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # `request.auth` is the API's token actor.
        if request.user.is_authenticated or getattr(request, "auth", None) is not None:
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, max-age=0"
        return response


class DanishFirstLocaleMiddleware:
    """Danish unless the user chose otherwise with the language switch.

    Django's LocaleMiddleware follows the browser's Accept-Language, which on
    most staff PCs and phones says English; the users are Danish, so only the
    explicit choice (the language cookie) changes the language. A program calling the API sets
    Accept-Language on purpose, so there it is the choice.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            language = translation.get_language_from_request(request)
        else:
            chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class RefusalPageMiddleware:
    """A refusal (Http404, which is also how the access layer refuses) is drawn as the product's own
    Danish page, also with DEBUG on, where Django would show its technical page listing every URL
    (user-walk.md item 8): raised by a view, or an address that matches no page. Without DEBUG,
    handler404 draws the same page."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if settings.DEBUG and response.status_code == 404 and _is_technical_page(response):
            from .views import not_found

            return not_found(request)
        return response


def _is_technical_page(response: HttpResponse) -> bool:
    """Django's DEBUG page for a 404 (a view's Http404, or an address no URL pattern matches)."""
    return response.get("Content-Type", "").startswith("text/html") and b"DEBUG = True" in response.content
