"""Rate limits beyond the login form (security.md: anti-automation, ASVS 2.4.1): exports per user,
API calls per token's user, and wrong API tokens per address.

django-ninja's throttle classes keep the counts in the shared cache (the database cache), so a limit
holds across server workers. A throttle keeps the request it is checking on itself, so a new one is
made for every request (not ninja's one per operation, which threads would share); that also reads
the limits (`BROBYGGER_RATE_LIMITS`) each time.
"""

import math

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.errors import Throttled
from ninja.throttling import SimpleRateThrottle


class _PerUser(SimpleRateThrottle):
    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class ExportThrottle(_PerUser):
    scope = "export"


class TokenThrottle(SimpleRateThrottle):
    """Calls per API token's user: a stolen token cannot copy a whole organisation in a minute."""

    scope = "api-token"

    def __init__(self, rate, user):
        super().__init__(rate)
        self.user = user

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": self.user.pk}


class WrongTokenThrottle(SimpleRateThrottle):
    scope = "api-wrong-token"

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def _rate(name):
    return settings.BROBYGGER_RATE_LIMITS[name]


def _wait_seconds(throttle):
    return max(1, math.ceil(throttle.wait() or 1))


def export_refused(request: HttpRequest) -> HttpResponse | None:
    """None while the user may export again, else a translated 429 page saying how long to wait."""
    throttle = ExportThrottle(_rate("export"))
    if throttle.allow_request(request):
        return None
    wait = _wait_seconds(throttle)
    response = render(request, "429.html", {"wait_minutes": math.ceil(wait / 60)}, status=429)
    response["Retry-After"] = str(wait)
    return response


def check_token_use(request, actor):
    """Called for every API call with a token; raises Throttled (429) once its user has made too many."""
    _raise_if_refused(TokenThrottle(_rate("api_token"), actor.user), request)


def count_wrong_token(request):
    """Called for every wrong token; raises Throttled (429) once an address has sent too many."""
    _raise_if_refused(WrongTokenThrottle(_rate("api_wrong_token")), request)


def _raise_if_refused(throttle, request):
    if not throttle.allow_request(request):
        raise Throttled(wait=_wait_seconds(throttle))
