"""The second step of a demo login without an authenticator app, in the demo only (DEBUG).

Every demo login that must log in in two steps is enrolled with TOTP when the demo data is
loaded, and the second-step page shows that login's current code. With DEBUG off nothing here
shows anything: the same logins then need the code from an app, like everyone else's.
"""

import time
from typing import Any

from allauth.account.internal.stagekit import get_pending_stage
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.http import HttpRequest

DEMO_DOMAINS = ("opgang2.example", "randers-unge.example", "grobund.example")


def is_demo_login(user: Any) -> bool:
    return user.email.rpartition("@")[2] in DEMO_DOMAINS


def enrol(user: Any) -> None:
    """Give a demo login an authenticator, as if its owner had scanned the QR code."""
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())


def current_code(user: Any) -> str | None:
    """The code an authenticator app would show now for this demo login; None outside the demo."""
    if not settings.DEBUG or not is_demo_login(user):
        return None
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        return None
    secret = decrypt(authenticator.data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def code_on_second_step_page(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the demo code, on the second-step page of a demo login, with DEBUG on, and
    the seconds until the next one (a code works once: logging in twice within its 30 seconds needs
    the next)."""
    match = request.resolver_match
    if not settings.DEBUG or match is None or match.url_name != "mfa_authenticate":
        return {}
    stage = get_pending_stage(request)
    code = current_code(stage.login.user) if stage is not None else None
    if not code:
        return {}
    period = mfa_settings.TOTP_PERIOD
    return {"demo_second_step_code": code, "demo_second_step_seconds": period - int(time.time()) % period}
