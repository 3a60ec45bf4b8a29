from django.core.management.base import BaseCommand

from brobygger.catalogue import services


class Command(BaseCommand):
    help = "Load (or update) the public catalogue of initiatives from the data file."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(services.DATA_FILE))

    def handle(self, *args, **options):
        entries = services.load_catalogue(services.read_data(options["file"]))
        self.stdout.write(f"Catalogue: {len(entries)} entries loaded.")
