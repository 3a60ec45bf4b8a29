"""Everything written about a young person, in one registry.

PRODUCT.md: "what we write, they can read". Every model that points at a
young person registers here with how to fetch its rows for that young person,
how to show them and how to export them. The young person's portal renders
every section, the download (JSON and PDF) exports every section, and
`tests/test_transparency.py` fails when a model with a foreign key to
YoungPerson is missing from this registry.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists, QuerySet
from django.utils import timezone


@dataclass(frozen=True)
class Section:
    key: str
    model: type
    title: str
    rows: Callable  # (young_person) -> iterable of rows
    template: str
    export: Callable  # (row) -> dict of plain values, in the reader's language
    order: int = 100
    preview: int | None = None  # show this many on the portal, with a link to all


_sections: dict[type, Section] = {}


def register(model, *, key, title, rows, template, export, order=100, preview=None):
    if model in _sections:
        raise ValueError(f"{model.__name__} is already registered")
    _sections[model] = Section(key, model, title, rows, template, export, order, preview)


def section(key):
    return next((s for s in _sections.values() if s.key == key), None)


def sections():
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def filled_sections(young_person):
    """{key: rows} for the sections that hold at least one row for this young person, asked in one
    query (an EXISTS per section), so the portal reads only the sections that have something."""
    asked, filled = {}, {}
    for entry in sections():
        rows = entry.rows(young_person)
        if isinstance(rows, QuerySet):
            asked[entry.key] = rows
        elif rows:
            filled[entry.key] = rows
    checks = {f"has_{key}": Exists(rows) for key, rows in asked.items()}
    found = type(young_person).objects.filter(pk=young_person.pk).values(**checks).first() or {}
    return filled | {key: rows for key, rows in asked.items() if found.get(f"has_{key}")}


def registered_models():
    return set(_sections)


def plain(value):
    """A value as a young person would read it in an export."""
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and hasattr(value, "hour"):
        return timezone.localtime(value).strftime("%d-%m-%Y %H:%M")
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def exporter(*fields):
    """Export the named fields with their verbose names and display values."""

    def export(row):
        result = {}
        for name in fields:
            field = row._meta.get_field(name)
            display = getattr(row, f"get_{name}_display", None)
            value = display() if display and field.choices else getattr(row, name)
            result[str(field.verbose_name)] = plain(value)
        return result

    return export
