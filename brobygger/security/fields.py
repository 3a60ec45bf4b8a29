from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Text kept encrypted in the database (security.md R25).

    Python code and forms see plain text; the column holds only ciphertext.
    `max_length` limits the plain text (forms and full_clean), not the column.
    Only `isnull` can be looked up: a search on ciphertext would silently find nothing.
    """

    def _context(self):
        return f"{self.model._meta.label_lower}.{self.name}"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value, self._context())

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value, self._context())

    def get_lookup(self, lookup_name):
        return super().get_lookup(lookup_name) if lookup_name == "isnull" else None

    def get_transform(self, name):
        return None
