from django.core.management.base import BaseCommand

from brobygger.guide import services


class Command(BaseCommand):
    help = "Load (or update) the rules guide and the glossary from the data file."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(services.DATA_FILE))

    def handle(self, *args, **options):
        pages, terms = services.load_guide(services.read_data(options["file"]))
        self.stdout.write(f"Guide: {len(pages)} pages and {len(terms)} glossary terms loaded.")
