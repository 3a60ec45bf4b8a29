"""Reading every row of a file into values, with each problem named by row and column.

Row numbers are the ones the user sees in Excel: the header is row 1.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from brobygger.core.errors import Later, Said, in_every_language

from . import reading
from .columns import COLUMNS, choice_lookup, header_key, layout
from .reading import FileRefused

ERRORS_KEPT = 200
PREVIEW_ROWS = 10
PROGRESS_EVERY = 2000


@dataclass
class Checked:
    rows: list = field(default_factory=list)  # (row number, values) of the rows without errors
    errors: list = field(default_factory=list)  # the first ERRORS_KEPT {row, column, message}
    error_rows: int = 0
    total: int = 0

    def add_errors(self, number, problems):
        self.error_rows += 1
        for column, message in problems:
            if len(self.errors) < ERRORS_KEPT:
                self.errors.append(
                    {"row": number, "column": in_every_language(column), "message": in_every_language(message)}
                )


def check(kind, content, handler, on_progress=lambda done: None):
    """Every row of the file, checked. Raises FileRefused when the file as a whole cannot be read."""
    header, rows = reading.read_table(content)
    found = layout(kind, header)
    if found.missing:
        names = ", ".join(f"“{c.header}”" for c in found.missing)
        raise FileRefused(
            Said(gettext_noop("The file has no column %(names)s. The first row must name the columns."), names=names)
        )
    columns = [c for c in COLUMNS[kind] if c.key in found.positions]
    lookups = {c.key: choice_lookup(c) for c in columns if c.choices}
    context = handler.context()
    seen_keys = {}
    result = Checked()
    for number, row in enumerate(rows, start=2):
        if not any(cell not in (None, "") and str(cell).strip() for cell in row):
            continue  # blank lines at the end of an Excel sheet
        result.total += 1
        if result.total > reading.MAX_ROWS:
            most = f"{reading.MAX_ROWS:,}".replace(",", ".")
            raise FileRefused(
                Said(gettext_noop("The file has more than %(max)s rows; split it into smaller files."), max=most)
            )
        values, problems = _parse(row, columns, found.positions, lookups)
        if not problems:
            problems = handler.validate(values, context)
        key = handler.key(values) if not problems else None
        if key is not None and key in seen_keys:
            first = seen_keys[key]
            problems = [(gettext_lazy("Key"), Said(gettext_noop("The same as row %(row)s."), row=first))]
        if problems:
            result.add_errors(number, problems)
        else:
            if key is not None:
                seen_keys[key] = number
            result.rows.append((number, values))
        if result.total % PROGRESS_EVERY == 0:
            on_progress(result.total)
    if not result.total:
        raise FileRefused(Said(gettext_noop("The file has a header row but no rows under it.")))
    return result


def _parse(row, columns, positions, lookups):
    values, problems = {}, []
    for column in columns:
        index = positions[column.key]
        raw = row[index] if index < len(row) else None
        try:
            value = column.parse(raw)
        except ValueError as exc:
            problems.append((column.label, exc.args[0] if exc.args else str(exc)))
            continue
        if value in (None, ""):
            if column.required:
                problems.append((column.label, Said(gettext_noop("Must be filled in."))))
            continue
        if column.choices:
            code = lookups[column.key].get(header_key(value))
            if code is None:
                problems.append((column.label, _not_one_of(value, column.choices)))
                continue
            value = code
        if column.max_length and isinstance(value, str) and len(value) > column.max_length:
            most = column.max_length
            problems.append((column.label, Said(gettext_noop("At most %(n)s characters."), n=most)))
            continue
        values[column.key] = value
    return values, problems


def _not_one_of(value, choices):
    def draw():
        allowed = ", ".join(str(label) for code, label in choices.choices if code)
        return _("“%(value)s” is not one of: %(allowed)s.") % {"value": value, "allowed": allowed}

    return Later(draw)


def preview_of(checked, kind):
    """The first rows as the user will recognise them."""
    columns = COLUMNS[kind]
    return [
        {"row": number, "cells": [str(values.get(c.key, "")) for c in columns]}
        for number, values in checked.rows[:PREVIEW_ROWS]
    ]
