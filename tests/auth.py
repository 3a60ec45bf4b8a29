"""Logging test clients in as if through the login form, second factor included."""

from brobygger.security import mfa


def log_in(client, user):
    """force_login, plus the record that this session passed two-step login (as the login flow leaves it)."""
    client.force_login(user)
    session = client.session
    session[mfa.SESSION_FLAG] = True
    session.save()
    return client
