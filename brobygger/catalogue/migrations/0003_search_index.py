"""The full-text index of the catalogue: a GIN index on the Danish tsvector on
PostgreSQL, a side FTS5 table on SQLite (see brobygger/catalogue/search.py)."""

from django.db import migrations

FTS = "catalogue_entry_fts"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX catalogue_entry_search_gin ON catalogue_entry USING gin (search_vector)"
        )
    elif vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS} USING fts5(name, place, target, body, tokenize = 'unicode61')"
        )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS catalogue_entry_search_gin")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS}")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_ingredient_term_entry_revision_selfassessment")]

    operations = [migrations.RunPython(create, drop)]
