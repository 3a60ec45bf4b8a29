from django.core.management.base import BaseCommand
from django.db import transaction

from brobygger.companies import esco
from brobygger.companies.models import EscoOccupation


class Command(BaseCommand):
    help = "Load or update ESCO occupations (Danish labels) from a CSV file; default: the bundled ESCO v1.0.8 file."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(esco.BUNDLED))

    @transaction.atomic
    def handle(self, *args, file, **options):
        created, updated = esco.load(EscoOccupation, file)
        self.stdout.write(
            f"{created} occupations added, {updated} updated. Indeholder data fra ESCO, © Den Europæiske Union."
        )
