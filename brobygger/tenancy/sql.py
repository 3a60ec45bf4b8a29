"""For the few questions written in plain SQL: there the scoped managers do not filter, so the SQL
names the organisation on every table itself, and fails closed as they do outside a scope."""

from datetime import date

from django.db import connection
from django_scopes import ScopeError, get_scope

from .models import Organisation


def scoped_organisation(organisation=None):
    """The active scope's organisation, as its key goes into plain SQL. Raises ScopeError outside an
    organisation's scope, or inside another one than `organisation` (when given)."""
    active = get_scope()
    current = active.get("organisation") if active.get("_enabled", True) else None
    if not current or (organisation is not None and str(current) != str(organisation.pk)):
        raise ScopeError("Plain SQL on tenant data runs only within its organisation's scope.")
    return Organisation._meta.pk.get_db_prep_value(current, connection)


def as_date(value):
    """A date a plain query computed: SQLite answers it as text, PostgreSQL as a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value
