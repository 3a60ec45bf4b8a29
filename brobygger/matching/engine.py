"""The intelligent match: suggestions, best first, each with its reasons.

Plain functions and data, no Django: the views feed it rows, the tests and the
benchmark feed it generated ones. Every signal gives a score in [-1, 1] and the
reasons for and against; the organisation's weights say how much each counts.
A suggestion supports the professional's judgement: it is never a decision.

Two rules exclude an offer outright instead of lowering it: an offer with no
free place (it cannot be proposed), and, for a young person under 18, an offer
marked as not for young people under 18 (dangerous work, bekendtgørelse om
unges arbejde).
"""

import heapq
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple, TypeAlias

from brobygger.core import postcodes


class Signal(StrEnum):
    OCCUPATION = "occupation"
    INTERESTS = "interests"
    DREAM_DISTANCE = "dream_distance"
    ENVIRONMENT = "environment"
    HOURS = "hours"
    COMMUTE = "commute"
    RECORD = "record"
    READINESS = "readiness"


Weights: TypeAlias = Mapping[str, float]  # signal -> how much it counts

DEFAULT_WEIGHTS: dict[str, float] = {
    Signal.OCCUPATION: 10,
    Signal.INTERESTS: 6,
    Signal.DREAM_DISTANCE: 8,
    Signal.ENVIRONMENT: 6,
    Signal.HOURS: 5,
    Signal.COMMUTE: 7,
    Signal.RECORD: 3,
    Signal.READINESS: 4,
}

# The work-culture dimensions a young person can wish for and an offer can state.
ENVIRONMENT_DIMENSIONS = ("size", "pace", "social", "setting")

# How far an occupation is from the dream, by the ISCO-08 hierarchy of the ESCO occupations
# (the scale of pathways.DreamDistance): the same occupation, the same unit group (4 digits),
# the same sub-major group (2 digits), anything else.
THE_DREAM, CLOSE, ON_THE_WAY, FAR = 0, 1, 2, 3
_OCCUPATION_SCORE = {THE_DREAM: 1.0, CLOSE: 0.7, ON_THE_WAY: 0.35, FAR: 0.0}

ADULT_AGE = 18


class Occupation(NamedTuple):
    uri: str
    isco: str
    label: str


@dataclass(slots=True)
class Seeker:
    """What a young person told us about the work they look for."""

    key: object
    age: int
    postcode: str = ""
    mode: str = postcodes.Mode.PUBLIC
    max_minutes: int = 45
    hours_min: float | None = None
    hours_max: float | None = None
    accepted_distance: int = FAR
    occupations: tuple[Occupation, ...] = ()
    interests: tuple[str, ...] = ()
    environment: dict[str, str] = field(default_factory=dict)  # dimension -> wished value

    def __post_init__(self) -> None:
        self.environment = {d: v for d, v in self.environment.items() if v and d in ENVIRONMENT_DIMENSIONS}


@dataclass(slots=True)
class Slot:
    """An offer, with what we know of the company behind it."""

    key: object
    text: str = ""  # title, description and occupation, lower case: what interests are looked for in
    occupation: Occupation | None = None
    hours: float | None = None
    postcode: str = ""
    environment: dict[str, str] = field(default_factory=dict)
    suits_under_18: bool = True
    free_places: int = 1
    has_mentor: bool = False
    knows_target_group: bool = False
    agreement: bool = False
    completed: int = 0
    ended_early: int = 0
    certificates: int = 0


@dataclass(frozen=True)
class Reason:
    signal: Signal
    code: str
    effect: float  # weight × score share: above 0 counts for, below 0 against
    params: dict[str, object] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Suggestion:
    key: object
    score: float
    reasons: list[Reason]

    @property
    def pros(self) -> list[Reason]:
        return sorted((r for r in self.reasons if r.effect > 0), key=lambda r: -r.effect)

    @property
    def cons(self) -> list[Reason]:
        return sorted((r for r in self.reasons if r.effect < 0), key=lambda r: r.effect)


@dataclass
class Suggestions:
    items: list[Suggestion]
    considered: int
    excluded: dict[str, int]  # rule -> how many were left out by it


def words(text: str | None) -> tuple[str, ...]:
    """Interest words as typed: split on commas, lower case, at least 3 letters."""
    found: list[str] = []
    for part in (text or "").replace(";", ",").replace("\n", ",").split(","):
        word = " ".join(part.split()).lower()
        if len(word) >= 3 and word not in found:
            found.append(word)
    return tuple(found)


@lru_cache(maxsize=16384)
def dream_distance(
    wished: tuple[Occupation, ...], occupation: Occupation | None
) -> tuple[int, Occupation] | tuple[None, None]:
    """The distance from the nearest wished occupation, and that occupation; None if unknown."""
    if occupation is None or not wished:
        return None, None
    best: tuple[int, Occupation] | None = None
    for wish in wished:
        if wish.uri == occupation.uri:
            distance = THE_DREAM
        elif wish.isco and wish.isco == occupation.isco:
            distance = CLOSE
        elif wish.isco[:2] and wish.isco[:2] == occupation.isco[:2]:
            distance = ON_THE_WAY
        else:
            distance = FAR
        if best is None or distance < best[0]:
            best = (distance, wish)
    return best if best is not None else (None, None)


# Each signal: (seeker, slot) -> list of (code, score, params); the scores add up to the signal's score.
Found: TypeAlias = list[tuple[str, float, dict[str, object]]]
Measure: TypeAlias = Callable[[Seeker, Slot], Found]


def _occupation(seeker: Seeker, slot: Slot) -> Found:
    distance, wish = dream_distance(seeker.occupations, slot.occupation)
    if distance is None or distance == FAR:
        return []
    code = {THE_DREAM: "the_dream", CLOSE: "close_to_dream", ON_THE_WAY: "towards_dream"}[distance]
    assert slot.occupation is not None and wish is not None  # a distance was found between them
    return [(code, _OCCUPATION_SCORE[distance], {"occupation": slot.occupation.label, "wish": wish.label})]


def _dream_distance(seeker: Seeker, slot: Slot) -> Found:
    distance, _wish = dream_distance(seeker.occupations, slot.occupation)
    if distance is None or distance <= seeker.accepted_distance:
        return []
    return [("further_than_accepted", -(distance - seeker.accepted_distance) / FAR, {})]


def _interests(seeker: Seeker, slot: Slot) -> Found:
    matched = [w for w in seeker.interests if w in slot.text]
    if not matched:
        return []
    return [("interest", min(1.0, 0.6 + 0.2 * (len(matched) - 1)), {"interests": ", ".join(matched)})]


def _environment(seeker: Seeker, slot: Slot) -> Found:
    wished = seeker.environment
    found: Found = []
    for dimension, value in wished.items():
        offered = slot.environment.get(dimension)
        if not offered:
            continue
        share = 1 / len(wished)
        if offered == value:
            found.append(("environment_fits", share, {"dimension": dimension, "value": offered}))
        else:
            found.append(("environment_differs", -share, {"dimension": dimension, "value": offered, "wish": value}))
    return found


def _hours(seeker: Seeker, slot: Slot) -> Found:
    low, high, hours = seeker.hours_min, seeker.hours_max, slot.hours
    if hours is None or (low is None and high is None):
        return []
    if low is not None and hours < low:
        return [("fewer_hours", -min(1.0, (low - hours) / low), {"hours": hours, "low": low, "high": high})]
    if high is not None and hours > high:
        return [("more_hours", -min(1.0, (hours - high) / high), {"hours": hours, "low": low, "high": high})]
    return [("hours_fit", 1.0, {"hours": hours})]


def _commute(seeker: Seeker, slot: Slot) -> Found:
    found = postcodes.trip(seeker.postcode, slot.postcode, seeker.mode)
    if found is None:
        return []
    minutes, place = found
    params = {"minutes": minutes, "mode": str(seeker.mode), "limit": seeker.max_minutes, "place": place}
    if minutes <= seeker.max_minutes:
        return [("commute_fits", 1.0 - 0.5 * minutes / max(seeker.max_minutes, 1), params)]
    return [("commute_too_long", -min(1.0, (minutes - seeker.max_minutes) / max(seeker.max_minutes, 1)), params)]


def _record(seeker: Seeker, slot: Slot) -> Found:
    found: Found = []
    placements = slot.completed + slot.ended_early
    if slot.completed:
        found.append(("completed", slot.completed / (placements + 2), {"count": slot.completed}))
    if slot.certificates:
        found.append(("certificates", min(slot.certificates, 3) * 0.1, {"count": slot.certificates}))
    if slot.ended_early:
        found.append(("ended_early", -slot.ended_early / (placements + 2), {"count": slot.ended_early}))
    return found


def _readiness(seeker: Seeker, slot: Slot) -> Found:
    found: Found = [("has_mentor", 0.5, {})] if slot.has_mentor else [("no_mentor", -0.5, {})]
    if slot.knows_target_group:
        found.append(("knows_target_group", 0.3, {}))
    if slot.agreement:
        found.append(("agreement", 0.2, {}))
    return found


SIGNALS: dict[Signal, Measure] = {
    Signal.OCCUPATION: _occupation,
    Signal.INTERESTS: _interests,
    Signal.DREAM_DISTANCE: _dream_distance,
    Signal.ENVIRONMENT: _environment,
    Signal.HOURS: _hours,
    Signal.COMMUTE: _commute,
    Signal.RECORD: _record,
    Signal.READINESS: _readiness,
}


def excluded_by(seeker: Seeker, slot: Slot) -> str | None:
    """The rule that leaves this offer out for this young person, or None."""
    if slot.free_places <= 0:
        return "full"
    if seeker.age < ADULT_AGE and not slot.suits_under_18:
        return "under_18"
    return None


def _weighted(weights: Weights) -> list[tuple[Signal, Measure, float]]:
    """(signal, measure, weight as a share of all weights) for every signal that counts."""
    total_weight = sum(weights.values()) or 1
    return [
        (signal, measure, weights[signal] / total_weight) for signal, measure in SIGNALS.items() if weights.get(signal)
    ]


def _total(seeker: Seeker, slot: Slot, weighted: list[tuple[Signal, Measure, float]]) -> float:
    total = 0.0
    for _signal, measure, share in weighted:
        for _code, value, _params in measure(seeker, slot):
            total += share * (1.0 if value > 1.0 else -1.0 if value < -1.0 else value)
    return total


def score(seeker: Seeker, slot: Slot, weights: Weights) -> tuple[float, list[Reason]]:
    """The weighted score in [-1, 1] and every reason behind it."""
    reasons = [
        Reason(signal, code, share * max(-1.0, min(1.0, value)), params)
        for signal, measure, share in _weighted(weights)
        for code, value, params in measure(seeker, slot)
    ]
    return sum(r.effect for r in reasons), reasons


def _best(pairs: Iterable[tuple[Seeker, Slot, object]], weights: Weights, limit: int) -> Suggestions:
    """Score every pair, keep the best `limit`, and only for those spell out the reasons."""
    weighted = _weighted(weights)
    excluded: dict[str, int] = {}
    scored: list[tuple[float, str, object, Seeker, Slot]] = []
    considered = 0
    for seeker, slot, key in pairs:
        considered += 1
        rule = excluded_by(seeker, slot)
        if rule:
            excluded[rule] = excluded.get(rule, 0) + 1
            continue
        scored.append((-_total(seeker, slot, weighted), str(key), key, seeker, slot))
    best = heapq.nsmallest(limit, scored, key=lambda row: row[:2])
    return Suggestions(
        [Suggestion(key, -neg, score(seeker, slot, weights)[1]) for neg, _k, key, seeker, slot in best],
        considered,
        excluded,
    )


def offers_for(
    seeker: Seeker, slots: Iterable[Slot], weights: Weights = DEFAULT_WEIGHTS, limit: int = 20
) -> Suggestions:
    """The best offers for one young person."""
    return _best(((seeker, slot, slot.key) for slot in slots), weights, limit)


def seekers_for(
    slot: Slot, seekers: Iterable[Seeker], weights: Weights = DEFAULT_WEIGHTS, limit: int = 20
) -> Suggestions:
    """The young people an offer suits best."""
    return _best(((seeker, slot, seeker.key) for seeker in seekers), weights, limit)
