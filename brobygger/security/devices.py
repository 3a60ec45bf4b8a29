"""Known devices, so that failed-login limits cannot lock a shared office out.

allauth limits failed logins per IP address and per account. An attacker
behind the same address as an office (or who knows a colleague's e-mail)
could use that to keep everyone out. A browser that has logged in to an
account before carries a signed cookie saying so; its attempts on that
account count in their own allowance, apart from the IP and account limits
(OWASP's "device cookie" advice; django-axes#1297).
"""

import secrets

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

SALT = "brobygger.security.devices"
MAX_AGE = 365 * 24 * 60 * 60
MAX_ACCOUNTS = 5


def cookie_name():
    return "__Host-device" if settings.HTTPS else "brobygger_device"


def login_hash(login):
    return salted_hmac(SALT, (login or "").strip().lower(), algorithm="sha256").hexdigest()[:32]


def read(request):
    """(device id, [login hashes]) from a valid cookie, else (None, [])."""
    raw = request.COOKIES.get(cookie_name())
    if not raw:
        return None, []
    try:
        data = signing.loads(raw, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None, []
    return data.get("d"), list(data.get("u", []))


def known_device_key(request, login):
    """The rate-limit key for this device and account, or None when the device is not known for it."""
    device, accounts = read(request)
    if device and login_hash(login) in accounts:
        return f"{device}:{login_hash(login)}"
    return None


def remember(request, response, login):
    device, accounts = read(request)
    device = device or secrets.token_urlsafe(16)
    digest = login_hash(login)
    accounts = [digest] + [a for a in accounts if a != digest][: MAX_ACCOUNTS - 1]
    response.set_cookie(
        cookie_name(),
        signing.dumps({"d": device, "u": accounts}, salt=SALT),
        max_age=MAX_AGE,
        secure=settings.HTTPS,
        httponly=True,
        samesite="Lax",
    )
