"""What stands behind each kind of the rules table, as the apps that own it register it.

The rules table (`rules.RULES`) names kinds, roles and conditions; this registry tells the one
evaluator (`policy`) what a kind's objects are, which field names their young person, and how a
condition of the app's own is asked as a query. Each app registers its kinds in its `access.py`
(found when the access app is ready), so the access layer imports no app's model.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, QuerySet

from .rules import Cond, Kind

if TYPE_CHECKING:
    from .actor import Actor

ConditionQuery = Callable[["Actor"], Q]


@dataclass(frozen=True)
class KindEntry:
    objects: Callable[[], QuerySet[Any]]
    young_person_field: str | None = None  # "pk" for the young person, else the column naming them
    conditions: dict[Cond, ConditionQuery] = field(default_factory=dict)


_kinds: dict[Kind, KindEntry] = {}
# Conditions about a young person that hold for every kind pointing at one (the team, a consent):
# each a query of the young people's ids for which it holds for the actor.
_about_young_person: dict[Cond, Callable[["Actor"], QuerySet[Any]]] = {}
# What the actor knows of itself once a domain app has said how to read it (its young person, the
# companies a mentor belongs to); read once per request.
_facts: dict[str, Callable[[Any], Any]] = {}
# The field categories of a young person a mentor sees: those the young person consented to share.
_consented_categories: list[Callable[[Any, frozenset[Any]], set[str]]] = []


def register(
    kind: Kind,
    objects: Callable[[], QuerySet[Any]],
    *,
    young_person_field: str | None = None,
    conditions: dict[Cond, ConditionQuery] | None = None,
) -> None:
    if kind in _kinds:
        raise ImproperlyConfigured(f"The kind {kind} is already registered")
    _kinds[kind] = KindEntry(objects, young_person_field, dict(conditions or {}))


def register_young_person_condition(cond: Cond, young_person_ids: Callable[["Actor"], QuerySet[Any]]) -> None:
    _about_young_person[cond] = young_person_ids


def register_fact(name: str, read: Callable[[Any], Any]) -> None:
    _facts[name] = read


def register_consented_categories(read: Callable[[Any, frozenset[Any]], set[str]]) -> None:
    _consented_categories[:] = [read]


def entry(kind: Kind) -> KindEntry:
    try:
        return _kinds[kind]
    except KeyError:
        raise ImproperlyConfigured(f"No app registered the kind {kind} (in its access.py)") from None


def registered() -> dict[Kind, KindEntry]:
    return dict(_kinds)


def young_person_condition(cond: Cond) -> Callable[["Actor"], QuerySet[Any]] | None:
    return _about_young_person.get(cond)


def fact(name: str, user: Any) -> Any:
    return _facts[name](user)


def consented_categories(young_person: Any, company_ids: frozenset[Any]) -> set[str]:
    return _consented_categories[0](young_person, company_ids) if _consented_categories else set()
