"""`flush` that knows the access log is append-only.

Test teardown (TransactionTestCase) empties every table with `flush`. On
SQLite that is a row-by-row DELETE, which the append-only trigger refuses, so
the guard is lifted for the flush and put back after. PostgreSQL empties with
TRUNCATE, which the row triggers do not see.
"""

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from brobygger.audit import triggers


class Command(FlushCommand):
    def handle(self, **options):
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        with connection.cursor() as cursor:
            for statement in triggers.SQLITE_DROP:
                cursor.execute(statement)
        try:
            return super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                for statement in triggers.SQLITE_CREATE:
                    cursor.execute(statement)
