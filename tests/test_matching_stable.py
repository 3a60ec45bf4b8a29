"""Rounds of mutual choice: the stable assignment, checked on random instances against
the definition of stability and against the `matching` library's HospitalResident."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matching.games import HospitalResident

from brobygger.matching import stable


@st.composite
def instances(draw, max_young=12, max_offers=6):
    offers = [f"o{i}" for i in range(draw(st.integers(1, max_offers)))]
    young = [f"y{i}" for i in range(draw(st.integers(1, max_young)))]
    young_prefs = {y: draw(st.permutations(offers).map(lambda p: p[: draw(st.integers(0, len(p)))])) for y in young}
    offer_prefs = {}
    for o in offers:
        applied = [y for y in young if o in young_prefs[y]]
        order = draw(st.permutations(applied))
        offer_prefs[o] = order[: draw(st.integers(0, len(order)))]
    capacities = {o: draw(st.integers(0, 4)) for o in offers}
    return young_prefs, offer_prefs, capacities


def library_result(young_prefs, offer_prefs, capacities):
    """The young-person-optimal stable matching by the `matching` library (the reference)."""
    acceptable = {
        y: [o for o in order if capacities[o] > 0 and y in offer_prefs[o]] for y, order in young_prefs.items()
    }
    residents = {y: order for y, order in acceptable.items() if order}
    hospitals = {o: [y for y in order if o in acceptable[y]] for o, order in offer_prefs.items() if capacities[o] > 0}
    hospitals = {o: order for o, order in hospitals.items() if order}
    if not residents:
        return {}
    game = HospitalResident.create_from_dictionaries(residents, hospitals, {o: capacities[o] for o in hospitals})
    return {r.name: h.name for h, assigned in game.solve(optimal="resident").items() for r in assigned}


@settings(max_examples=300, deadline=None)
@given(instances())
def test_the_assignment_is_stable_feasible_and_the_young_optimal_one(instance):
    young_prefs, offer_prefs, capacities = instance
    outcome = stable.assign(young_prefs, offer_prefs, capacities)
    assert stable.blocking_pairs(outcome, young_prefs, offer_prefs, capacities) == []
    for offer, places in capacities.items():
        assert len(outcome.assigned_to(offer)) <= places
    for young, offer in outcome.assignment.items():
        assert offer in young_prefs[young] and young in offer_prefs[offer]  # acceptable to both
    assert outcome.assignment == library_result(young_prefs, offer_prefs, capacities)
    assert set(outcome.unmatched) == set(young_prefs) - set(outcome.assignment)


def test_a_simple_round_by_hand():
    young = {"asta": ["lumen", "radar"], "bertil": ["lumen"], "cecilie": ["radar", "lumen"]}
    offers = {"lumen": ["bertil", "asta", "cecilie"], "radar": ["asta", "cecilie"]}
    outcome = stable.assign(young, offers, {"lumen": 1, "radar": 1})
    # Bertil is Lumen's first choice; Asta then goes to Radar, which prefers her to Cecilie.
    assert outcome.assignment == {"bertil": "lumen", "asta": "radar"}
    assert outcome.unmatched == {"cecilie": (stable.PLACES_WENT_TO_HIGHER, ["radar", "lumen"])}


def test_why_a_young_person_got_no_place():
    young = {"asta": [], "bertil": ["lumen"], "cecilie": ["radar"]}
    offers = {"lumen": [], "radar": ["cecilie"]}
    outcome = stable.assign(young, offers, {"lumen": 2, "radar": 0})
    assert outcome.unmatched["asta"] == (stable.RANKED_NOTHING, [])
    assert outcome.unmatched["bertil"] == (stable.NOT_RANKED_BY_ANY, [])
    # An offer with 0 places gets nobody, and the young person is told no one could take them.
    assert outcome.unmatched["cecilie"] == (stable.NOT_RANKED_BY_ANY, [])
    assert outcome.assignment == {}


def test_an_offer_named_twice_counts_at_its_first_place_and_unknown_offers_are_ignored():
    young = {"asta": ["radar", "lumen", "radar", "nowhere"]}
    offers = {"lumen": ["asta"], "radar": ["asta", "asta"]}
    assert stable.assign(young, offers, {"lumen": 1, "radar": 1}).assignment == {"asta": "radar"}


def test_negative_places_are_an_error():
    with pytest.raises(ValueError):
        stable.assign({"asta": ["lumen"]}, {"lumen": ["asta"]}, {"lumen": -1})
