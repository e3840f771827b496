"""Tolerant name matching, for search and for spotting duplicate records.

Names are compared after normalising (case, accents, punctuation), by rapidfuzz's
similarity, and by a Soundex key that is stored beside each name so that the
database finds sound-alike candidates through an index.
"""

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

SOUNDEX_CODES = {
    **dict.fromkeys("BFPV", "1"),
    **dict.fromkeys("CGJKQSXZ", "2"),
    **dict.fromkeys("DT", "3"),
    "L": "4",
    **dict.fromkeys("MN", "5"),
    "R": "6",
}


# Pure functions of a name, asked again for every pair a name is compared in
# (the data-quality check compares every two records born the same day).
@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = "".join(c if c.isalnum() else " " for c in letters)
    return " ".join(cleaned.split())


@lru_cache(maxsize=65536)
def phonetic_key(name: str) -> str:
    """American Soundex of the name's first word (e.g. Smith and Smyth: S530)."""
    word = normalise_name(name).split(" ")[0].upper() if name.strip() else ""
    letters = [c for c in word if "A" <= c <= "Z"]
    if not letters:
        return ""
    key = letters[0]
    previous = SOUNDEX_CODES.get(letters[0], "")
    for letter in letters[1:]:
        code = SOUNDEX_CODES.get(letter, "")
        if code and code != previous:
            key += code
        if letter not in "HW":  # H and W do not separate letters with one code
            previous = code
    return (key + "000")[:4]


def _similar(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b) / 100
    if phonetic_key(a) == phonetic_key(b):
        score = max(score, 0.85)
    return score


def name_similarity(a_given: str, a_family: str, b_given: str, b_family: str) -> float:
    """How alike two names are, from 0 to 1; tolerant of typos, sound-alikes,
    swapped given and family names and double-barrelled family names."""
    ag, af = normalise_name(a_given), normalise_name(a_family)
    bg, bf = normalise_name(b_given), normalise_name(b_family)
    if not ag or not bg:
        return _family(af, bf)
    straight = (_similar(ag, bg) + _family(af, bf)) / 2
    swapped = (_similar(ag, bf) + _similar(af, bg)) / 2
    return max(straight, swapped * 0.95)


def _family(a: str, b: str) -> float:
    # "Smith-Jones" matches "Smith" well: one family name may be part of the other.
    parts_a, parts_b = set(a.split()), set(b.split())
    whole = _similar(a, b)
    part = max((_similar(x, y) for x in parts_a for y in parts_b), default=0.0)
    return max(whole, part * 0.9)


def _dob_score(a: Any, b: Any) -> float:
    if not a or not b:
        return 0.5  # unknown: neither for nor against
    if a == b:
        return 1.0
    swapped = a.day == b.month and a.month == b.day and a.year == b.year
    near = a.month == b.month and a.day == b.day and abs(a.year - b.year) == 1
    return 0.7 if swapped or near else 0.0


def match_score(candidate: dict[str, Any], existing: dict[str, Any]) -> float:
    """How likely two records are the same person, from 0 to 1.

    The same NHS number is certain. Otherwise names count for 60% and date of
    birth for 40%: names are misspelt more often than dates are mistyped, and a
    different date of birth should keep even a perfect name below the threshold.
    """
    nhs = candidate.get("nhs_number")
    if nhs and nhs == existing.get("nhs_number"):
        return 1.0
    names = name_similarity(
        candidate.get("given_name", ""),
        candidate.get("family_name", ""),
        existing.get("given_name", ""),
        existing.get("family_name", ""),
    )
    born = _dob_score(candidate.get("date_of_birth"), existing.get("date_of_birth"))
    return round(0.6 * names + 0.4 * born, 3)


def likely_duplicates(
    candidate: dict[str, Any], existing: Iterable[Any], threshold: float = 0.8
) -> list[tuple[float, Any]]:
    """Existing records (objects with the same attributes) scoring at or above
    the threshold, best first."""
    fields = ("given_name", "family_name", "date_of_birth", "nhs_number")
    scored = [
        (match_score(candidate, {f: getattr(e, f, None) for f in fields}), e)
        for e in existing
    ]
    return sorted(
        [(s, e) for s, e in scored if s >= threshold], key=lambda pair: -pair[0]
    )
