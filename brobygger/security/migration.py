"""Encrypting columns that held plain text, as a migration step."""

from django.db import migrations

from . import columns, crypto


def encrypt_existing(app_label, model_name, fields):
    """A RunPython that encrypts the plain-text values already in these columns (and decrypts on reversal)."""

    def rewrite(apps, schema_editor, forward):
        model = apps.get_model(app_label, model_name)
        columns.rewrite(
            schema_editor.connection, model, fields, lambda value, context: _convert(value, context, forward)
        )

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
