"""Logging test clients in as if through the login form, second factor included."""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from brobygger.security import mfa


def totp_code(secret):
    """The code an authenticator app shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def log_in(client, user):
    """force_login, plus the record that this session passed two-step login (as the login flow leaves it)."""
    client.force_login(user)
    session = client.session
    session[mfa.SESSION_FLAG] = True
    session.save()
    return client
