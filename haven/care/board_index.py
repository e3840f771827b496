"""The whereabouts board's first phase (haven.care.board): every child on the
day as an entry, read as plain values; the filters and the order over them."""

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter
from typing import Any

from django.conf import settings

from haven.care import as_recorded, whereabouts
from haven.care.board_types import Board, Entry, Facet, Filters
from haven.care.distance import whereabouts as locate
from haven.core import among, clock
from haven.core.models import User


def index(user: User, *, day: dt.date | None = None) -> Board:
    """Every looked-after child on the day, ordered by name, as entries (no
    rows read in full yet)."""
    today = clock.today()
    day = min(day or today, today)
    past = day < today
    in_care = whereabouts.in_care_on(day)
    recorded = as_recorded.recorded_on(day) if past else {}
    in_care_ids = {c.child_id for c in in_care}
    ids = in_care_ids | set(recorded)
    openable = among.openable_among(user, ids).openable
    holds = whereabouts.holds_on(ids, day)
    homes = whereabouts.homes(in_care)
    ours = settings.HAVEN_AREA_CODES
    entries, unnamed = [], []
    for c in in_care:
        home = homes.get(c.child_id, "")
        where = locate(home, c.placed.postcode, c.placed.district, ours)
        if c.child_id not in openable:
            unnamed.append(Facet(c.placed.place, where, holds.get(c.child_id)))
            continue
        then = recorded.get(c.child_id)
        differs = past and not c.placed.same_as(then)
        entries.append(
            Entry(
                child_id=c.child_id,
                name=c.name,
                placed=c.placed,
                where=where,
                holds=holds.get(c.child_id),
                recorded_differently=differs,
                recorded=then if differs else None,
            )
        )
    return Board(
        day=day,
        past=past,
        moment=whereabouts.end_of(day) if past else clock.now(),
        entries=sorted(entries, key=attrgetter("name")),
        unnamed=unnamed,
        recorded_then={
            pk: where
            for pk, where in recorded.items()
            if pk in openable and pk not in in_care_ids
        },
        **_choices(entries),
    )


def narrowed(whole: Board, filters: Filters) -> Board:
    """The board with only the children matching the filters, in their order."""
    if _any(filters):
        entries = [e for e in whole.entries if _matches(filters, e.facet)]
        unnamed = [f for f in whole.unnamed if _matches(filters, f)]
    else:  # every child matches: no facet built for each to say so
        entries, unnamed = list(whole.entries), list(whole.unnamed)
    if filters.sort == "seen":
        seen = whereabouts.seen_at([e.child_id for e in entries], whole.moment)
        entries = [replace(e, seen_at=seen.get(e.child_id)) for e in entries]
    return replace(
        whole,
        entries=sort(entries, filters.sort),
        unnamed=unnamed,
    )


def _any(filters: Filters) -> bool:
    """Whether the filters narrow the board at all (the order aside)."""
    return bool(
        filters.team or filters.worker or filters.place or filters.area or filters.band
    )


def _matches(filters: Filters, facet: Facet) -> bool:
    holds = facet.holds
    if filters.team and (holds is None or holds.team_id != filters.team):
        return False
    if filters.worker and (holds is None or holds.worker_id != filters.worker):
        return False
    if filters.place and facet.place != filters.place:
        return False
    if filters.area and facet.where.area.value != filters.area:
        return False
    return not (filters.band and facet.where.band != filters.band)


def _choices(entries: list[Entry]) -> dict[str, Any]:
    """The teams, workers and placement types of the children the user may
    open, to filter by."""
    teams: dict[int, str] = {}
    workers: dict[int, str] = {}
    for entry in entries:
        if entry.holds is not None:
            teams[entry.holds.team_id] = entry.holds.team
            if entry.holds.worker_id is not None:
                workers[entry.holds.worker_id] = entry.holds.worker
    return {
        "teams": sorted(teams.items(), key=lambda t: t[1]),
        "workers": sorted(workers.items(), key=lambda w: w[1]),
        "places": sorted({entry.placed.place for entry in entries}),
    }


NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)

SORTS: dict[str, tuple[str, Callable[[Entry], Any]]] = {
    "name": ("Child's name", lambda e: e.name),
    "since": ("Placed longest", lambda e: (e.placed.since, e.name)),
    "distance": (
        "Furthest from home",
        lambda e: (e.where.miles is None, -(e.where.miles or 0), e.name),
    ),
    "seen": ("Longest since seen", lambda e: (e.seen_at or NEVER, e.name)),
    "team": (
        "Team and worker",
        lambda e: (
            e.holds is None,
            e.holds.team if e.holds else "",
            e.holds.worker if e.holds else "",
            e.name,
        ),
    ),
}


def sort(entries: list[Entry], by: str) -> list[Entry]:
    key = SORTS.get(by, SORTS["name"])[1]
    return sorted(entries, key=key)
