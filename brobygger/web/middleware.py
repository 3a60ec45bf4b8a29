from django.utils.cache import add_never_cache_headers


class NoStoreForPersonalPagesMiddleware:
    """Pages for a logged-in user may hold personal data: never cache them
    (security.md R11, ASVS 14.3.2)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, max-age=0"
        return response
