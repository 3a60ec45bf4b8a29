"""Postcode to postcode distance and an estimate of the travel time.

The Danish postcodes and their centre points come from the
`countrystatecity-postal-codes` package (data © countrystatecity.in, ODbL 1.0),
loaded once, in memory; nothing is fetched at run time. The travel time is an
estimate from the straight-line distance, never a timetable: the page says so.
No Django imports: the engine and the benchmark use this alone.
"""

import math
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

EARTH_RADIUS_KM = 6371.0
# Roads and rails are longer than the straight line; 1.3 is the usual factor for Danish roads.
DETOUR = 1.3


class Mode(StrEnum):
    WALK = "walk"
    BIKE = "bike"
    PUBLIC = "public"
    CAR = "car"


# (minutes before moving: walking to the stop and waiting, average km/h door to door)
_SPEEDS = {
    Mode.WALK: (0, 5.0),
    Mode.BIKE: (2, 15.0),
    Mode.PUBLIC: (10, 30.0),
    Mode.CAR: (5, 50.0),
}


@dataclass(frozen=True)
class Place:
    postcode: str
    name: str
    lat: float
    lon: float


@cache
def all_postcodes() -> dict[str, Place]:
    from countrystatecity_postal_codes import get_postcodes_of_country

    return {
        p.code: Place(p.code, p.localityName or "", p.latitude, p.longitude)
        for p in get_postcodes_of_country("DK")
        if p.latitude is not None and p.longitude is not None
    }


def place(postcode: str | None) -> Place | None:
    return all_postcodes().get((postcode or "").strip())


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def travel_minutes(km: float, mode: Mode) -> int:
    """Estimated door-to-door minutes, rounded up to whole 5 minutes; within one
    postcode it is the start-up time plus a short way."""
    start, speed = _SPEEDS[mode]
    minutes = start + max(km, 1.0) * DETOUR / speed * 60
    return int(math.ceil(minutes / 5) * 5)


@lru_cache(maxsize=65536)
def trip(home: str, work: str, mode: Mode) -> tuple[int, str] | None:
    """(estimated minutes, the place of work) between two postcodes, or None if either is unknown.
    Cached: ten thousand offers lie in about a thousand postcodes."""
    a, b = place(home), place(work)
    if a is None or b is None:
        return None
    return travel_minutes(distance_km(a, b), mode), b.name
