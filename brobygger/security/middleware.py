import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import devices
from .crypto import DecryptionError
from .signals import LOGIN_AT, SEEN_AT

logger = logging.getLogger("brobygger.security")
# Written at most this often, so an active session costs no database write per request.
SEEN_RESOLUTION_SECONDS = 60
CLEAR_SITE_DATA = '"cache", "storage"'


class SessionLimitsMiddleware:
    """Idle and absolute session time-outs (ASVS 7.3.1, 7.3.2), the known-device
    cookie after a login and `Clear-Site-Data` after a logout (ASVS 14.3.1).

    Clear-Site-Data names cache and storage, not cookies: logout already deletes
    the session cookie, and clearing all cookies would also drop the language
    choice and the known-device cookie that protects the account from lock-out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and self._expired(request):
            logout(request)
            messages.info(request, _("You were logged out after a while without activity. Please log in again."))
            response = redirect_to_login(request.get_full_path())
        else:
            response = self.get_response(request)
        login = getattr(request, "remember_device_for", None)
        if login:
            devices.remember(request, response, login)
        if getattr(request, "clear_site_data", False):
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response

    @staticmethod
    def _expired(request):
        session = request.session
        now = int(time.time())
        login_at, seen_at = session.get(LOGIN_AT), session.get(SEEN_AT)
        if login_at is None or seen_at is None:
            return True
        if now - login_at > settings.SESSION_ABSOLUTE_SECONDS or now - seen_at > settings.SESSION_IDLE_SECONDS:
            return True
        if now - seen_at >= SEEN_RESOLUTION_SECONDS:
            session[SEEN_AT] = now
        return False


class FailClosedMiddleware:
    """A value that does not decrypt stops the request with a clear page, never showing ciphertext."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DecryptionError):
            return None
        logger.error("Encrypted data could not be read: %s", exception)
        return render(request, "errors/encryption.html", status=503)


class EnrolmentMiddleware:
    """The first second step of a professional is set up only in a session that opened their
    invitation link; whoever learns the password first cannot enrol their own phone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        from . import mfa

        match = request.resolver_match
        if match is None or match.url_name not in mfa.ENROLMENT_PAGES or not request.user.is_authenticated:
            return None
        if mfa.may_enrol(request):
            return None
        return render(request, "security/enrolment_needs_invitation.html", status=403)
