"""Whether a looked-after child is missing, or away from their placement without
authorisation, now or at a moment: the whereabouts board's "Missing now" column.

Missing and away episodes are recorded beside the placement (a child who goes
missing stays on it, as the SSDA903 has it) by the part of care that records
them, which declares where the board reads them, once, in care's plugin.py:

    from haven.care.away import away_source
    away_source("missing episodes")(missing.away_among)

where `away_among(person_ids, at)` answers, in a fixed number of queries
whatever the number of children, {person id: Away} for each child missing or
away at that moment. Until a source is declared nobody is shown missing.
"""

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Away:
    """A child missing or away from placement at a moment."""

    kind: str  # "missing" or "away"
    since: dt.datetime
    words: str  # for the board: "Missing since 3 May 2026, 21:00"
    url: str = ""  # the page to record their return, if the user may


Source = Callable[[Collection[int], dt.datetime], Mapping[int, Away]]

AWAY_SOURCES: dict[str, Source] = {}


def away_source(name: str) -> Callable[[Source], Source]:
    """Declare where children missing or away at a moment are read from."""

    def register(source: Source) -> Source:
        if name in AWAY_SOURCES:
            raise ImproperlyConfigured(f"The away source {name!r} is declared twice")
        AWAY_SOURCES[name] = source
        return source

    return register


def away_among(person_ids: Collection[int], at: dt.datetime) -> dict[int, Away]:
    """The children of these who were missing or away at `at`, from every
    declared source (the earliest start where two say so)."""
    found: dict[int, Away] = {}
    for source in AWAY_SOURCES.values():
        for person_id, away in source(person_ids, at).items():
            known = found.get(person_id)
            if known is None or away.since < known.since:
                found[person_id] = away
    return found
