"""A round of mutual choice: young people rank offers, companies rank the young
people who applied, and every offer has a number of places. The assignment is
the young-person-optimal stable matching of the hospitals/residents problem,
found by young-person-proposing deferred acceptance (Gale and Shapley 1962;
Roth 1984): no young person and company would both rather have each other than
what they got, no offer gets more than its places, and no young person does
better in any other stable assignment.

Defined rules for untidy input (the pages refuse most of it before it gets here):
a pair is acceptable only if both sides ranked each other; a list is a strict
order, and an offer named twice counts at its first place; a name that is not
in the round is ignored; an offer with 0 places gets nobody; a negative number
of places is an error.

Plain functions, no Django.
"""

import heapq
from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

Young: TypeAlias = Hashable  # whatever names a young person (their id)
Place: TypeAlias = Hashable  # whatever names an offer (its id)
YoungPrefs: TypeAlias = Mapping[Young, Sequence[Place]]
OfferPrefs: TypeAlias = Mapping[Place, Sequence[Young]]
Capacities: TypeAlias = Mapping[Place, int]
Why: TypeAlias = tuple[str, list[Place]]

RANKED_NOTHING = "ranked_nothing"
NOT_RANKED_BY_ANY = "not_ranked_by_any"
PLACES_WENT_TO_HIGHER = "places_went_to_higher"


@dataclass
class Outcome:
    assignment: dict[Young, Place]
    unmatched: dict[Young, Why]  # (reason, offers that ranked them but were full with higher-ranked)

    def assigned_to(self, offer: Place) -> list[Young]:
        return sorted((y for y, o in self.assignment.items() if o == offer), key=str)


def _clean(order: Iterable[Hashable]) -> list[Hashable]:
    seen: set[Hashable] = set()
    out: list[Hashable] = []
    for item in order:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def assign(young_prefs: YoungPrefs, offer_prefs: OfferPrefs, capacities: Capacities) -> Outcome:
    """young_prefs: young person -> offers, best first; offer_prefs: offer -> young people,
    best first; capacities: offer -> places. Returns the Outcome."""
    for offer, places in capacities.items():
        if places < 0:
            raise ValueError(f"negative places for {offer!r}")
    rank = {offer: {y: i for i, y in enumerate(_clean(order))} for offer, order in offer_prefs.items()}
    prefs = {
        y: [o for o in _clean(order) if capacities.get(o, 0) > 0 and y in rank.get(o, ())]
        for y, order in young_prefs.items()
    }
    held: dict[Place, list[tuple[int, Young]]] = {
        offer: [] for offer in capacities
    }  # offer -> heap of (-rank, young person): worst on top
    next_choice = dict.fromkeys(prefs, 0)
    free = deque(prefs)
    while free:
        young = free.popleft()
        choices = prefs[young]
        while next_choice[young] < len(choices):
            offer = choices[next_choice[young]]
            next_choice[young] += 1
            entry = (-rank[offer][young], young)
            heap = held[offer]
            if len(heap) < capacities[offer]:
                heapq.heappush(heap, entry)
                break
            if entry[0] > heap[0][0]:  # ranked higher than the worst held
                displaced = heapq.heapreplace(heap, entry)[1]
                free.append(displaced)
                break
    assignment = {young: offer for offer, heap in held.items() for _r, young in heap}
    unmatched = {y: _why(y, young_prefs, rank, capacities) for y in young_prefs if y not in assignment}
    return Outcome(assignment, unmatched)


def _why(
    young: Young, young_prefs: YoungPrefs, rank: Mapping[Place, Mapping[Young, int]], capacities: Capacities
) -> Why:
    ranked = _clean(young_prefs.get(young) or [])
    if not ranked:
        return RANKED_NOTHING, []
    wanted_back = [o for o in ranked if young in rank.get(o, ()) and capacities.get(o, 0) > 0]
    if not wanted_back:
        return NOT_RANKED_BY_ANY, []
    return PLACES_WENT_TO_HIGHER, wanted_back


def blocking_pairs(
    outcome: Outcome, young_prefs: YoungPrefs, offer_prefs: OfferPrefs, capacities: Capacities
) -> list[tuple[Young, Place]]:
    """Every (young person, offer) who would both rather have each other: empty when stable.
    Used by the tests; written from the definition, not from the algorithm."""
    rank = {offer: {y: i for i, y in enumerate(_clean(order))} for offer, order in offer_prefs.items()}
    taken: dict[Place, list[Young]] = {}
    for young, offer in outcome.assignment.items():
        taken.setdefault(offer, []).append(young)
    found: list[tuple[Young, Place]] = []
    for young, order in young_prefs.items():
        current = outcome.assignment.get(young)
        for offer in _clean(order):
            if offer == current:
                break
            if young not in rank.get(offer, ()) or capacities.get(offer, 0) <= 0:
                continue
            holders = taken.get(offer, [])
            has_room = len(holders) < capacities[offer]
            if has_room or any(rank[offer][young] < rank[offer][h] for h in holders):
                found.append((young, offer))
    return found
