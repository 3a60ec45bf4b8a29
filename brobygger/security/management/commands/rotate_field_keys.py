from django.core.management.base import BaseCommand

from brobygger.security.rotation import rotate_all


class Command(BaseCommand):
    help = "Re-encrypt every encrypted field under the first key in BROBYGGER_FIELD_KEYS and recompute the CPR index."

    def handle(self, *args, **options):
        for what, changed in rotate_all().items():
            self.stdout.write(f"{what}: {changed} rows re-encrypted")
