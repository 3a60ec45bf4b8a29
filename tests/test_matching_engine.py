"""The intelligent match: for every signal, changing only that signal moves an
offer's rank the expected way, and the reasons say why."""

from dataclasses import replace

import pytest

from brobygger.core import postcodes
from brobygger.matching import engine
from brobygger.matching.engine import Occupation, Seeker, Slot

SOUND_TECH = Occupation("esco:lydtekniker", "7312", "lydtekniker")
SOUND_OPERATOR = Occupation("esco:lydoperator", "3521", "lydoperatør")
BROADCAST_TECH = Occupation("esco:broadcast", "3521", "teknisk assistent, radio og tv")
MEDIA_SUPPORT = Occupation("esco:medie", "3522", "telekommunikationstekniker")
COOK = Occupation("esco:kok", "5120", "kok")

ASTA = Seeker(
    key="asta",
    age=20,
    postcode="8000",
    mode=postcodes.Mode.PUBLIC,
    max_minutes=45,
    hours_min=10,
    hours_max=20,
    accepted_distance=engine.ON_THE_WAY,
    occupations=(SOUND_OPERATOR,),
    interests=("lyd", "lys"),
    environment={"size": "small", "pace": "quiet", "social": "team", "setting": "indoors"},
)

# Ten offers alike in every way, so one signal decides where the one we change lands.
BASE = Slot(
    key="base",
    text="lagerarbejde",
    occupation=COOK,
    hours=15,
    postcode="8000",
    environment={"size": "small", "pace": "busy", "social": "team", "setting": "indoors"},
    has_mentor=True,
    completed=1,
)
OTHERS = [replace(BASE, key=f"other-{i}") for i in range(9)]


def rank_of(slot, seeker=ASTA, weights=engine.DEFAULT_WEIGHTS, others=OTHERS):
    keys = [s.key for s in engine.offers_for(seeker, [*others, slot], weights, limit=20).items]
    return keys.index(slot.key)


def reasons_of(slot, seeker=ASTA):
    _score, reasons = engine.score(seeker, slot, engine.DEFAULT_WEIGHTS)
    return {r.code: r for r in reasons}


def moves_up(worse, better, seeker=ASTA):
    """Changing only the one signal from `worse` to `better` moves the offer up among the others."""
    slots = [*OTHERS, replace(worse, key="worse"), replace(better, key="better")]
    keys = [s.key for s in engine.offers_for(seeker, slots, engine.DEFAULT_WEIGHTS, limit=20).items]
    return keys.index("better") < keys.index("worse")


def test_occupation_close_to_the_dream_ranks_higher():
    assert moves_up(replace(BASE, key="x"), replace(BASE, key="x", occupation=BROADCAST_TECH))
    assert moves_up(replace(BASE, key="x", occupation=MEDIA_SUPPORT), replace(BASE, key="x", occupation=SOUND_OPERATOR))
    reason = reasons_of(replace(BASE, occupation=SOUND_OPERATOR))["the_dream"]
    assert reason.params["occupation"] == "lydoperatør" and reason.effect > 0


def test_accepting_a_longer_distance_from_the_dream_lifts_a_far_offer():
    far = replace(BASE, key="a", occupation=SOUND_TECH)  # another sub-major group: far from the dream
    unknown = [replace(other, occupation=None) for other in OTHERS]  # no occupation: no distance to judge
    strict = replace(ASTA, accepted_distance=engine.CLOSE)
    open_minded = replace(ASTA, accepted_distance=engine.FAR)
    assert rank_of(far, open_minded, others=unknown) < rank_of(far, strict, others=unknown)
    assert "further_than_accepted" in reasons_of(far, strict)
    assert "further_than_accepted" not in reasons_of(far, open_minded)


def test_interests_found_in_the_offer_rank_it_higher():
    assert moves_up(replace(BASE, key="x"), replace(BASE, key="x", text="opsætning af lyd og lys til koncerter"))
    assert reasons_of(replace(BASE, text="lys og lyd"))["interest"].params["interests"] == "lyd, lys"


def test_work_culture_as_wished_ranks_higher_and_a_difference_counts_against():
    quiet = replace(BASE, key="x", environment={**BASE.environment, "pace": "quiet"})
    assert moves_up(replace(BASE, key="x"), quiet)
    differs = reasons_of(BASE)["environment_differs"]
    assert differs.effect < 0 and differs.params == {"dimension": "pace", "value": "busy", "wish": "quiet"}


@pytest.mark.parametrize("hours", [5, 30])
def test_hours_outside_the_wished_range_rank_lower(hours):
    assert moves_up(replace(BASE, key="x", hours=hours), replace(BASE, key="x", hours=15))
    assert reasons_of(replace(BASE, hours=hours))["fewer_hours" if hours < 10 else "more_hours"].effect < 0


def test_a_shorter_trip_ranks_higher_and_one_too_long_counts_against():
    near, far = replace(BASE, key="x", postcode="8000"), replace(BASE, key="x", postcode="9000")  # Aalborg
    assert moves_up(far, near)
    too_long = reasons_of(far)["commute_too_long"]
    assert too_long.effect < 0 and too_long.params["minutes"] > 45 and too_long.params["place"] == "Aalborg"
    fits = reasons_of(replace(BASE, postcode="8200"))["commute_fits"]
    assert fits.params["minutes"] <= 45 and fits.params["mode"] == "public"


def test_travel_mode_changes_the_estimated_trip():
    aarhus, randers = postcodes.place("8000"), postcodes.place("8900")
    km = postcodes.distance_km(aarhus, randers)
    assert 30 < km < 45  # Aarhus C to Randers C, in a straight line
    minutes = {mode: postcodes.travel_minutes(km, mode) for mode in postcodes.Mode}
    assert (
        minutes[postcodes.Mode.CAR]
        < minutes[postcodes.Mode.PUBLIC]
        < minutes[postcodes.Mode.BIKE]
        < minutes[postcodes.Mode.WALK]
    )


def test_the_companys_record_counts():
    assert moves_up(replace(BASE, key="x", completed=0), replace(BASE, key="x", completed=4, certificates=3))
    assert moves_up(replace(BASE, key="x", ended_early=3), replace(BASE, key="x"))
    assert reasons_of(replace(BASE, ended_early=2))["ended_early"].effect < 0


def test_readiness_a_mentor_and_knowing_the_target_group_count():
    assert moves_up(replace(BASE, key="x", has_mentor=False), replace(BASE, key="x"))
    assert moves_up(replace(BASE, key="x"), replace(BASE, key="x", knows_target_group=True))
    assert "no_mentor" in reasons_of(replace(BASE, has_mentor=False))


def test_a_signal_weighted_zero_does_not_count():
    weights = {**engine.DEFAULT_WEIGHTS, engine.Signal.COMMUTE: 0}
    far = replace(BASE, key="a", postcode="9000")  # "a": first among equals
    assert rank_of(far, weights=weights) == 0 and rank_of(far) == len(OTHERS)
    assert not any(r.signal == engine.Signal.COMMUTE for r in engine.score(ASTA, far, weights)[1])


def test_age_rule_and_full_offers_leave_an_offer_out():
    dangerous = replace(BASE, key="dangerous", suits_under_18=False)
    full = replace(BASE, key="full", free_places=0)
    minor = replace(ASTA, age=16)
    result = engine.offers_for(minor, [dangerous, full, BASE])
    assert [s.key for s in result.items] == ["base"]
    assert result.excluded == {"under_18": 1, "full": 1}
    assert [s.key for s in engine.offers_for(ASTA, [dangerous]).items] == ["dangerous"]


def test_young_people_for_an_offer_best_first():
    offer = replace(BASE, occupation=SOUND_OPERATOR, postcode="8000")
    near_dreamer = replace(ASTA, key="near")
    far_away = replace(ASTA, key="far", postcode="9990")  # Skagen
    no_profile = Seeker(key="none", age=19)
    minor = replace(ASTA, key="minor", age=16)
    result = engine.seekers_for(replace(offer, suits_under_18=False), [far_away, no_profile, near_dreamer, minor])
    assert [s.key for s in result.items][0] == "near"
    assert result.excluded == {"under_18": 1}


def test_interest_words_are_split_on_commas_and_trimmed():
    assert engine.words(" Lyd, LYS;musik\n, ab, lyd ") == ("lyd", "lys", "musik")
