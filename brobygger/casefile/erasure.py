"""Art. 17: erasing a young person (NGOs and social enterprises) or archiving them (municipal units).

Municipal units have notation and journalising duties and fall under the
Archives Act, so they archive: the record stays, out of the daily work, and
the young person's login ends. Everyone else erases: every row about the
young person (cascading from the young person), their documents' files,
their access-log rows (a search that found them wrote a row about them), uploaded import
files that mention them, and their login, so that a search of the whole
database afterwards finds nothing (security.md R33).
"""

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled

from brobygger.access.rules import Kind
from brobygger.audit import services as audit
from brobygger.audit.models import LogAction
from brobygger.core.errors import Refused
from brobygger.core.transparency import forget_everywhere


@transaction.atomic
def archive(actor, young_person):
    if young_person.archived_at is not None:
        raise Refused(_("%(name)s is already archived.") % {"name": young_person.full_name})
    young_person.archived_at = timezone.now()
    young_person.save(update_fields=["archived_at", "updated_at"])
    if young_person.user_id:
        _end_login(young_person.user, erase=False)
    audit.log(actor, LogAction.UPDATE, kind=Kind.YOUNG_PERSON, subject=young_person, obj=young_person)


@transaction.atomic
def erase(actor, young_person):
    if young_person.organisation.archives_instead_of_erasing:
        raise Refused(_("A municipal unit archives young people instead of erasing them."))
    user = young_person.user
    forget_everywhere(young_person)  # what the cascade does not reach: files, log rows, uploads
    with scopes_disabled():
        young_person.delete()
    if user is not None:
        _end_login(user, erase=True)
    # That an erasure happened, by whom and when, is kept; about whom is not.
    audit.log(actor, LogAction.DELETE, kind=Kind.YOUNG_PERSON)


def _end_login(user, *, erase):
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
    if not erase:
        get_user_model().objects.filter(pk=user.pk).update(is_active=False)
        return
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    with scopes_disabled():
        user.memberships.all().delete()
    # The row stays (other rows may point at it as author), without anything that names the person.
    user.email = f"erased-{user.pk}@invalid"
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
