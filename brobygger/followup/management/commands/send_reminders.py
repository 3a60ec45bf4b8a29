from django.core.management.base import BaseCommand

from brobygger.followup.reminders import send_follow_up_reminders


class Command(BaseCommand):
    help = (
        "Queue the follow-up reminder job (run daily, e.g. from cron or a systemd timer); `manage.py worker` runs it."
    )

    def handle(self, *args, **options):
        result = send_follow_up_reminders.enqueue()
        self.stdout.write(f"Queued the reminder job ({result.id}).")
