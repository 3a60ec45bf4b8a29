import time

from allauth.mfa import signals as mfa_signals
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.core.management import call_command
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from . import mfa

LOGIN_AT = "brobygger_login_at"
SEEN_AT = "brobygger_seen_at"


@receiver(user_logged_in)
def start_session_clock(sender, request, user, **kwargs):
    if request is None:
        return
    now = int(time.time())
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now
    request.remember_device_for = user.email


@receiver(user_logged_out)
def clear_browser_data(sender, request, user, **kwargs):
    if request is not None:
        request.clear_site_data = True


@receiver(mfa_signals.authenticator_added)
@receiver(mfa_signals.authenticator_removed)
@receiver(mfa_signals.authenticator_reset)
def end_other_sessions(sender, request, user, **kwargs):
    """A change of two-step login ends every other session of the user (ASVS 7.4.3)."""
    from django.contrib.auth import update_session_auth_hash

    user.renew_session_stamp()
    if request is not None and request.user.is_authenticated:
        update_session_auth_hash(request, user)


@receiver(mfa_signals.authenticator_added)
def count_enrolment_as_passed(sender, request, user, **kwargs):
    # Setting up a second factor proves it, as logging in with it would.
    if request is not None:
        mfa.mark_passed(request)


@receiver(post_migrate)
def create_cache_table(sender, using="default", **kwargs):
    """The shared cache lives in the database; `migrate` makes its table too. Django sends
    post_migrate only for apps with models, so this listens for the accounts app's."""
    if sender.name == "brobygger.accounts":
        call_command("createcachetable", database=using, verbosity=0)
