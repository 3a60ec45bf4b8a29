"""A list that shows its first rows and says how long it is."""

from typing import Any

from django.db.models import Count, QuerySet, Window


class Listed(list[Any]):
    """The first rows of a list, and how many the list has in all (`total`)."""

    def __init__(self, rows: list[Any], total: int) -> None:
        super().__init__(rows)
        self.total = total

    @property
    def more(self) -> int:
        return self.total - len(self)


def first_of(queryset: QuerySet[Any], shown: int) -> Listed:
    """The first `shown` rows of an ordered queryset and its length, in one query (a window count):
    the length cannot disagree with the rows, as a second query could when a row is written between."""
    rows = list(queryset.annotate(in_all=Window(Count("pk")))[:shown])
    return Listed(rows, rows[0].in_all if rows else 0)
