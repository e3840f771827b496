"""How far a child is placed from home, and whether in or out of the
authority's area, as the SSDA903 derives them (PL_DISTANCE, PL_LA, PL_LOCATION)
from the child's home postcode (HOME_POST) and the placement's (PL_POST).

The distance is the straight line between the two postcodes' grid references
in kilometres, divided by 1.6093 and rounded to one decimal place: the formula
the DfE's guidance gives and its public validator uses
(lac_validator/datastore.py). The rounding is that validator's (numpy's: half
to even on ten times the miles), not Python's round(x, 1), which rounds the
decimal form and can differ on a half."""

import datetime as dt
import enum
import math
from collections.abc import Collection
from dataclasses import dataclass

from django.conf import settings

from haven.care import postcodes

KM_PER_MILE = 1.6093


class Area(enum.Enum):
    IN = "in"
    OUT = "out"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return AREA_WORDS[self]


AREA_WORDS = {
    Area.IN: "In area",
    Area.OUT: "Out of area",
    Area.UNKNOWN: "Not known",
}

# Bands a manager asks about (the DfE reports placements more than 20 miles
# from home; 350 miles is queried, rule 454).
BANDS: tuple[tuple[str, str, float, float | None], ...] = (
    ("0-5", "Up to 5 miles", 0, 5),
    ("5-10", "Over 5, up to 10 miles", 5, 10),
    ("10-20", "Over 10, up to 20 miles", 10, 20),
    ("20-50", "Over 20, up to 50 miles", 20, 50),
    ("50+", "Over 50 miles", 50, None),
)


def miles(home: str, placed: str) -> float | None:
    """The SSDA903 distance in miles between two postcodes; None unless both are
    in the directory with grid references."""
    a, b = postcodes.find(home), postcodes.find(placed)
    if a is None or b is None:
        return None
    if None in (a.easting, a.northing, b.easting, b.northing):
        return None
    assert a.easting is not None and a.northing is not None
    assert b.easting is not None and b.northing is not None
    metres = math.hypot(a.easting - b.easting, a.northing - b.northing)
    return round(metres / 1000 / KM_PER_MILE * 10) / 10


def band_of(distance: float | None) -> str:
    """The band's key ("5-10"), or "" when the distance is not known."""
    if distance is None:
        return ""
    for key, _, low, high in BANDS:
        if (distance > low or low == 0) and (high is None or distance <= high):
            return key
    return ""


def district_of(postcode: str, recorded: str = "") -> str:
    """The placement's district: as recorded on it, or else its postcode's."""
    if recorded:
        return recorded
    found = postcodes.find(postcode) if postcode else None
    return found.local_authority if found is not None else ""


def area_of(district: str, ours: Collection[str] | None = None) -> Area:
    """In or out of the authority's area: its districts' codes, by default
    settings.HAVEN_AREA_CODES (read once by a caller asking of many)."""
    if ours is None:
        ours = settings.HAVEN_AREA_CODES
    if not ours or not district:
        return Area.UNKNOWN
    return Area.IN if district.upper() in ours else Area.OUT


# Not frozen: built for every child on the board (see whereabouts.Placed).
@dataclass(slots=True)
class Whereabouts:
    """Where a placement is, against the child's home."""

    home_postcode: str
    district: str
    area: Area
    miles: float | None

    @property
    def band(self) -> str:
        return band_of(self.miles)


def whereabouts(
    home: str,
    placed: str,
    recorded_district: str = "",
    ours: Collection[str] | None = None,
) -> Whereabouts:
    """Where a placement is against the child's home; `ours` as `area_of`."""
    district = district_of(placed, recorded_district)
    return Whereabouts(
        home_postcode=home,
        district=district,
        area=area_of(district, ours),
        miles=miles(home, placed) if home and placed else None,
    )


def home_on(
    addresses: list[tuple[dt.date, dt.date | None, str]], start: dt.date
) -> str:
    """The child's home postcode for a period of care starting on `start`
    (HOME_POST): where they lived before it, so not an address recorded from the
    day they came into care (their placement, often); failing that, the address
    they had on that day. `addresses` are (started_on, ended_on, postcode)."""
    before = [a for a in addresses if a[0] < start]
    if before:
        return max(before, key=lambda a: a[0])[2]
    on_the_day = [a for a in addresses if a[0] == start]
    return on_the_day[0][2] if on_the_day else ""
