"""Everything written about a young person, in one registry.

PRODUCT.md: "what we write, they can read". Every model that points at a
young person registers here with how to fetch its rows for that young person
and how to show them. The young person's portal renders every section, and
`tests/test_transparency.py` fails when a model with a foreign key to
YoungPerson is missing from this registry.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    model: type
    title: str
    rows: Callable  # (young_person) -> iterable of rows
    template: str
    order: int = 100


_sections: dict[type, Section] = {}


def register(model, *, key, title, rows, template, order=100):
    if model in _sections:
        raise ValueError(f"{model.__name__} is already registered")
    _sections[model] = Section(key, model, title, rows, template, order)


def sections():
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def registered_models():
    return set(_sections)
