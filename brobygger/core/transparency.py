"""Everything written about a young person, in one registry.

PRODUCT.md: "what we write, they can read". Every model that points at a
young person registers here with how to fetch its rows for that young person,
how to show them and how to export them. The young person's portal renders
every section, the download (JSON and PDF) exports every section, and
`tests/test_transparency.py` fails when a model with a foreign key to
YoungPerson is missing from this registry. An app whose data outlives the cascade of an erasure
(files, log rows, uploads) registers a `forgets` hook here too.
"""

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.db.models import Model, QuerySet

from brobygger.core.dates import shown_date, shown_time

Rows = Callable[[Any], Iterable[Any]]  # (young_person) -> the rows about them
Export = Callable[[Any], dict[str, str]]  # (row) -> plain values, in the reader's language
Forget = Callable[[Any], object]  # (young_person) -> whatever it returns is not used


@dataclass(frozen=True)
class Section:
    key: str
    model: type[Model]
    title: object  # a lazy translation
    rows: Rows
    template: str
    export: Export
    order: int = 100
    preview: int | None = None  # show this many on the portal, with a link to all


_sections: dict[type, Section] = {}


def register(
    model: type[Model],
    *,
    key: str,
    title: object,
    rows: Rows,
    template: str,
    export: Export,
    order: int = 100,
    preview: int | None = None,
) -> None:
    if model in _sections:
        raise ValueError(f"{model.__name__} is already registered")
    _sections[model] = Section(key, model, title, rows, template, export, order, preview)
    _tables_naming.cache_clear()


def section(key: str) -> Section | None:
    return next((s for s in _sections.values() if s.key == key), None)


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def sections_to_read(young_person: Model, keys: Iterable[str] | None = None) -> dict[str, Iterable[Any]]:
    """{key: rows} for the sections that may hold rows for this young person (of those named by
    `keys`, or all); the portal reads only these.

    One query asks which tables hold a row naming the young person. It ignores each section's own
    filters, so a section it names may still turn out empty (the template says so), but it never
    passes over a section that has rows. It answers only yes or no per table, about the young
    person who asks, so it needs no organisation scope. Its SQL is made once per process."""
    person = type(young_person)
    alias = router.db_for_read(person)
    tables = _tables_naming(person)
    connection = connections[alias]
    key = person._meta.pk.get_db_prep_value(young_person.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute(_presence_sql(alias, tables), [key] * len(tables))
        answers = cursor.fetchone()
    present = {table for (table, _column), found in zip(tables, answers, strict=True) if found}
    chosen = {}
    for entry in sections():
        if keys is not None and entry.key not in keys:
            continue
        if entry.model is person or entry.model._meta.db_table in present:
            rows = entry.rows(young_person)
            if isinstance(rows, QuerySet) or rows:
                chosen[entry.key] = rows
    return chosen


@functools.cache
def _tables_naming(person: type[Model]) -> tuple[tuple[str, str], ...]:
    """(table, column) of every registered model whose rows point at a young person."""
    return tuple(
        (entry.model._meta.db_table, _column_naming(entry.model, person))
        for entry in sections()
        if entry.model is not person
    )


def _column_naming(model: type[Model], person: type[Model]) -> str:
    columns = [str(f.column) for f in model._meta.concrete_fields if f.is_relation and f.related_model is person]
    if len(columns) != 1:
        raise ImproperlyConfigured(f"{model.__name__} must point at {person.__name__} with exactly one foreign key")
    return columns[0]


@functools.cache
def _presence_sql(alias: str, tables: tuple[tuple[str, str], ...]) -> str:
    quote = connections[alias].ops.quote_name
    # Table and column names come from the models and are quoted; the young person's id is bound.
    checks = (f"EXISTS(SELECT 1 FROM {quote(t)} WHERE {quote(c)} = %s)" for t, c in tables)  # noqa: S608
    return "SELECT " + ", ".join(checks)


# Called with the young person just before their row (and all that cascades from it) is erased:
# each app forgets what the cascade does not reach (files, log rows, uploads that name them).
_forgetters: list[Forget] = []


def forgets(forget: Forget) -> Forget:
    """Register `forget(young_person)` for erasure; usable as a decorator in an app's transparency.py."""
    _forgetters.append(forget)
    return forget


def forget_everywhere(young_person: Model) -> None:
    for forget in _forgetters:
        forget(young_person)


def registered_models() -> set[type[Model]]:
    return set(_sections)


def plain(value: Any) -> str:
    """A value as a young person would read it in an export."""
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return shown_time(value)
    if hasattr(value, "strftime"):
        return shown_date(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    # A person (a login) by the name a young person knows them by, never their e-mail address.
    display_name = getattr(value, "display_name", None)
    if isinstance(display_name, str):
        return display_name
    return str(value)


def exporter(*fields: str) -> Export:
    """Export the named fields with their verbose names and display values."""

    def export(row: Any) -> dict[str, str]:
        result = {}
        for name in fields:
            field = row._meta.get_field(name)
            display = getattr(row, f"get_{name}_display", None)
            value = display() if display and field.choices else getattr(row, name)
            result[str(field.verbose_name)] = plain(value)
        return result

    return export
