"""Rewriting the stored values of encrypted columns in place, by raw SQL (migrations and key rotation)."""

from django.db import transaction

BATCH = 500


def rewrite(connection, model, names, convert):
    """Apply `convert(stored value, context)` to these columns of every row, a batch per transaction.
    Only changed rows are written; returns how many."""
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    columns = [model._meta.get_field(n).column for n in names]
    contexts = [f"{model._meta.label_lower}.{n}" for n in names]
    selected = ", ".join(quote(c) for c in columns)
    assignments = ", ".join(f"{quote(c)} = %s" for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {pk}, {selected} FROM {table}")  # noqa: S608 - names from the model
        rows = cursor.fetchall()
    changed = 0
    for start in range(0, len(rows), BATCH):
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            for pk_value, *values in rows[start : start + BATCH]:
                new = [convert(v, c) for v, c in zip(values, contexts, strict=True)]
                if new != values:
                    cursor.execute(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", [*new, pk_value])  # noqa: S608
                    changed += 1
    return changed
