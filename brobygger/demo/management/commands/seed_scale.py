from django.core.management.base import BaseCommand

from brobygger.demo import scale as data_set


class Command(BaseCommand):
    help = "Load generated data at municipal scale (or small) for benchmarks and drills; bulk inserts only."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(data_set.SCALES), default="municipal")

    def handle(self, *args, scale, **options):
        if data_set.already_seeded(scale):
            self.stdout.write(f"The {scale} data set is already loaded; nothing to do.")
            return
        counts, seconds = data_set.seed(scale, progress=self.stdout.write)
        for table, rows in counts.items():
            self.stdout.write(f"{table:>20}: {rows:>9,}")
        self.stdout.write(f"{sum(counts.values()):,} rows in {seconds:.0f} s")
