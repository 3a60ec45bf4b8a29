"""Anonymised counts and the few statistics the figures need, in plain Python
(no Django), so they can be tested and benchmarked alone.

Anonymisation (research/outcomes.md): a count under MIN_CELL is
hidden, and so is at least one more count on every line of the table where
one is hidden, so that a total minus the others cannot reveal it. The table
is the whole cube of every dimension a reader can filter on, with "all" as a
value of each dimension: every view of the figures is a slice of the same
protected cube, so differencing two filters (all young people minus the
women, say) meets a hidden cell instead of a small number.
"""

from collections import Counter, defaultdict, deque
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from statistics import mean
from typing import TypeAlias

MIN_CELL = 3
MIN_COMPARE = 30  # groups are compared only when each has at least this many
MIN_STATISTIC = 10  # a median or mean is shown only for at least this many

ALL = "*"

Key: TypeAlias = tuple[Hashable, ...]  # one cell: a value of each dimension, or ALL
Duration: TypeAlias = tuple[int, bool]  # (days, reached the event)


class Cube:
    """Counts of records over dimensions, with "all" margins, protected."""

    def __init__(self, records: Iterable[Key], dimensions: Iterable[str]) -> None:
        self.dimensions = tuple(dimensions)
        self.counts = _with_margins(Counter(records), len(self.dimensions))
        self.hidden = _suppress(self.counts, len(self.dimensions))

    def get(self, **where: Hashable) -> int | None:
        """The count for one cell (dimensions not named are "all"), or None if hidden."""
        key = tuple(where.get(name, ALL) for name in self.dimensions)
        if key in self.hidden:
            return None
        return self.counts.get(key, 0)

    def values(self, dimension: str) -> list[Hashable]:
        """Every value of one dimension that occurs, without "all"."""
        position = self.dimensions.index(dimension)
        return sorted({key[position] for key in self.counts if key[position] != ALL}, key=str)


def _with_margins(counter: Counter[Key], width: int) -> Counter[Key]:
    """Add the "all" margins one dimension at a time: each pass sums out one
    dimension of every cell so far, so the work grows with the number of
    cells, not with 2 ** width per record."""
    counts = Counter(counter)
    for axis in range(width):
        margins: Counter[Key] = Counter()
        for key, n in counts.items():
            margins[key[:axis] + (ALL,) + key[axis + 1 :]] += n
        counts.update(margins)
    return counts


def _suppress(counts: Counter[Key], width: int) -> set[Key]:
    """Primary suppression of 0 < n < MIN_CELL, then complementary suppression
    until no line of the cube (along any dimension, with its "all" margin) has
    exactly one hidden cell. A line is enumerated from the values each
    dimension takes, only for hidden cells, so a cube with little to hide
    costs little."""
    values = [sorted({key[axis] for key in counts}, key=str) for axis in range(width)]
    hidden = {key for key, n in counts.items() if 0 < n < MIN_CELL}
    queue = deque(sorted(hidden, key=str))
    while queue:
        key = queue.popleft()
        for axis in range(width):
            line = [k for k in (key[:axis] + (v,) + key[axis + 1 :] for v in values[axis]) if k in counts]
            if sum(1 for other in line if other in hidden) != 1:
                continue
            partner = _complement(line, hidden, counts)
            if partner is not None:
                hidden.add(partner)
                queue.append(partner)
    return hidden


def _complement(line: list[Key], hidden: set[Key], counts: Counter[Key]) -> Key | None:
    """The visible non-zero cell of a line to hide with a hidden one: the most
    detailed (fewest "all"), so totals that every view shows stay visible,
    then the smallest."""
    candidates = [key for key in line if key not in hidden and counts[key] > 0]
    if not candidates:
        return None
    return min(candidates, key=lambda key: (key.count(ALL), counts[key], str(key)))


@dataclass
class Median:
    days: float | None
    n: int
    events: int


def _km_steps(durations: list[Duration]) -> Iterator[tuple[int, float]]:
    """(day, share not yet reached) after each day on which someone reached
    it. Someone still on the way, or who left without reaching it, is counted
    until then and no further (censored), instead of being dropped or counted
    as a failure."""
    by_day: defaultdict[int, list[int]] = defaultdict(lambda: [0, 0])
    for days, reached in durations:
        by_day[days][0 if reached else 1] += 1
    at_risk, survival = len(durations), 1.0
    for day in sorted(by_day):
        events, censored = by_day[day]
        if events and at_risk:
            survival *= 1 - events / at_risk
            yield day, survival
        at_risk -= events + censored


def km_median(durations: Iterable[Duration]) -> Median:
    """Kaplan-Meier median time to an event, from (days, reached) per person.
    None when fewer than half are known to reach it (not reached yet)."""
    known = list(durations)
    events = sum(1 for _d, reached in known if reached)
    day = next((day for day, survival in _km_steps(known) if survival <= 0.5), None)
    return Median(day, len(known), events)


def km_reached_by(durations: Iterable[Duration], cutoffs: Iterable[int]) -> list[float]:
    """The Kaplan-Meier share (%) who have reached the event by each cutoff (days)."""
    steps = list(_km_steps(list(durations)))
    shares = []
    for cutoff in cutoffs:
        survival = next((s for day, s in reversed(steps) if day <= cutoff), 1.0)
        shares.append(round(100 * (1 - survival), 1))
    return shares


@dataclass
class Change:
    n: int
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    improved: int | None  # changed up by at least the important difference
    worsened: int | None
    crossed: int | None  # from at or under the line to over it
    below_before: int | None


def change(
    scores: Iterable[tuple[float, float]], *, important: float | None = None, line: float | None = None
) -> Change:
    """Summarise (first, latest) score pairs of the same people."""
    pairs = [(float(a), float(b)) for a, b in scores]
    n = len(pairs)
    if n < MIN_STATISTIC:
        return Change(n, None, None, None, None, None, None, None)
    improved: int | None = None
    worsened: int | None = None
    crossed: int | None = None
    below: int | None = None
    if important is not None:
        improved = sum(1 for a, b in pairs if b - a >= important)
        worsened = sum(1 for a, b in pairs if a - b >= important)
    if line is not None:
        below = sum(1 for a, _b in pairs if a <= line)
        crossed = sum(1 for a, b in pairs if a <= line < b)
    return Change(
        n,
        round(mean(a for a, _b in pairs), 1),
        round(mean(b for _a, b in pairs), 1),
        round(mean(b - a for a, b in pairs), 1),
        shown_count(improved),
        shown_count(worsened),
        shown_count(crossed),
        shown_count(below),
    )


def shown_count(count: int | None) -> int | None:
    """A count of people, or None when it could point at one or two."""
    if count is None:
        return None
    return count if count == 0 or count >= MIN_CELL else None


def share(part: int | None, whole: int | None) -> float | None:
    """A percentage with one decimal, or None when either count is hidden or the whole is empty."""
    if part is None or not whole:
        return None
    return round(100 * part / whole, 1)
