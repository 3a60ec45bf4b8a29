from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.internal import ratelimit

from brobygger.security import devices


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by an organisation's staff, never by self sign-up:
    a young person says yes to a pathway first, then gets an account."""

    def is_open_for_signup(self, request):
        return False

    def pre_authenticate(self, request, **credentials):
        """A browser that has logged in to this account before has its own allowance of failed
        logins, apart from the per-IP and per-account limits (brobygger/security/devices.py)."""
        login = credentials.get("email", credentials.get("username", ""))
        key = devices.known_device_key(request, login)
        if key is None:
            return super().pre_authenticate(request, **credentials)
        self._login_failed_rl_usage = ratelimit.consume(
            request, app="allauth.account", action="login_failed_known_device", key=key
        )
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_login_attempts")
