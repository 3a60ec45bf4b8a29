"""Reminders of due follow-ups, sent by a background job (django-tasks).

One e-mail per professional and run, listing what is due. Each
professional's e-mail is sent and their items marked in one transaction: if
sending fails, nothing is marked and the next run sends it; a crash for one
professional does not touch the others. The e-mail names no young person
(initials only): it leaves the platform.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scopes_disabled
from django_tasks import task

from brobygger.core.dates import shown_date

from .models import FollowUpContact, StatusCheck


def initials(young_person):
    return f"{young_person.first_name[:1]}. {young_person.last_name[:1]}.".strip()


def _due(model, today):
    return model.objects.filter(done_on__isnull=True, reminder_sent_at__isnull=True, due_on__lte=today)


def _responsible_ids(today):
    ids = set()
    for model in (FollowUpContact, StatusCheck):
        ids.update(_due(model, today).values_list("plan__responsible_id", flat=True))
    return sorted(ids)


def _send_to(user_id, today):
    with transaction.atomic():
        items = []
        for model in (FollowUpContact, StatusCheck):
            rows = list(
                _due(model, today)
                .filter(plan__responsible_id=user_id)
                .select_for_update(of=("self",))
                .select_related("young_person", "plan__responsible")
            )
            items += [(model, row) for row in rows]
        if not items:
            return 0
        user = items[0][1].plan.responsible
        with translation.override(settings.LANGUAGE_CODE):
            lines = [
                _("%(who)s, due %(day)s") % {"who": initials(row.young_person), "day": shown_date(row.due_on)}
                for _model, row in sorted(items, key=lambda item: item[1].due_on)
            ]
            send_mail(
                _("Brobygger: %(n)d follow-ups are due") % {"n": len(items)},
                "\n".join([_("These follow-ups are due or overdue:"), "", *lines]),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
        now = timezone.now()
        for model in (FollowUpContact, StatusCheck):
            ids = [row.pk for m, row in items if m is model]
            model.objects.filter(pk__in=ids).update(reminder_sent_at=now)
        return len(items)


def send_due(today=None):
    """Send every due reminder once; returns how many items were reminded."""
    today = today or timezone.localdate()
    sent = 0
    with scopes_disabled():  # the job runs for every organisation
        for user_id in _responsible_ids(today):
            sent += _send_to(user_id, today)
    return sent


@task()
def send_follow_up_reminders():
    return send_due()
