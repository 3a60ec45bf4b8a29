from django.conf import settings
from django.core.management.base import BaseCommand

from brobygger.audit.services import purge_expired


class Command(BaseCommand):
    help = "Delete access-log rows older than the retention period (default 6 months)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.ACCESS_LOG_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        deleted = purge_expired(days)
        self.stdout.write(f"Deleted {deleted} access-log rows older than {days} days.")
