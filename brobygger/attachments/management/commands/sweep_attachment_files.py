from django.core.management.base import BaseCommand

from brobygger.attachments.services import sweep_orphan_files


class Command(BaseCommand):
    help = "Remove attachment files that no document row points to, and list rows whose file is missing."

    def add_arguments(self, parser):
        parser.add_argument("--grace-minutes", type=int, default=60, help="leave files younger than this (default 60)")

    def handle(self, *args, grace_minutes, **options):
        removed, missing = sweep_orphan_files(grace_seconds=grace_minutes * 60)
        self.stdout.write(f"{len(removed)} files without a document removed")
        for stored_name in missing:
            self.stderr.write(f"document file missing: {stored_name}")
        if missing:
            raise SystemExit(1)
