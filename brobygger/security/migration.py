"""Encrypting columns that held plain text, as a migration step."""

from django.db import migrations

from . import crypto


def encrypt_existing(app_label, model_name, fields):
    """A RunPython that encrypts the plain-text values already in these columns (and decrypts on reversal)."""

    def rewrite(apps, schema_editor, forward):
        model = apps.get_model(app_label, model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        pk = schema_editor.quote_name(model._meta.pk.column)
        columns = [model._meta.get_field(f).column for f in fields]
        context = {c: f"{model._meta.label_lower}.{f}" for c, f in zip(columns, fields, strict=True)}
        quoted = ", ".join(schema_editor.quote_name(c) for c in columns)
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"SELECT {pk}, {quoted} FROM {table}")  # noqa: S608 - names from the model
            rows = cursor.fetchall()
            for pk_value, *values in rows:
                new = [_convert(v, context[c], forward) for c, v in zip(columns, values, strict=True)]
                assignments = ", ".join(f"{schema_editor.quote_name(c)} = %s" for c in columns)
                cursor.execute(f"UPDATE {table} SET {assignments} WHERE {pk} = %s", [*new, pk_value])  # noqa: S608

    return migrations.RunPython(
        lambda apps, editor: rewrite(apps, editor, True), lambda apps, editor: rewrite(apps, editor, False)
    )


def _convert(value, context, forward):
    if not value:
        return value
    already = crypto.key_id_of(value) is not None
    if forward:
        return value if already else crypto.encrypt(value, context)
    return crypto.decrypt(value, context) if already else value
