"""The whereabouts board: every looked-after child the user may open, where
they are placed (or were, on a past day), how far from home and in or out of
the authority's area, who holds their case, when they were last seen and
whether they are missing. A child the user may not open is counted, never
named.

For a past day the board answers from the histories as they stand now ("as
corrected since") and from the journal as it stood at the end of that day ("as
recorded then", haven.care.as_recorded), and shows both where they differ.

The board reads every child at once: its number of queries does not grow with
the number of children (tests/care/test_board.py counts them).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from haven.care import as_recorded, directory, whereabouts
from haven.care.away import Away, away_among
from haven.care.distance import Whereabouts
from haven.care.distance import whereabouts as locate
from haven.care.models import Carer
from haven.care.whereabouts import Holder, InCare, Placed, Seen
from haven.core import among, clock
from haven.core.models import User
from haven.people.models import Person

PARENTS = "Parents or others with parental responsibility"


@dataclass(frozen=True)
class Filters:
    """What the board is narrowed to, and its order."""

    team: int | None = None
    worker: int | None = None
    place: str = ""
    area: str = ""  # haven.care.distance.Area's value
    band: str = ""  # haven.care.distance.BANDS' key
    sort: str = "name"


@dataclass(frozen=True)
class Row:
    """One child on the board."""

    child: Person
    placed: Placed
    lives_with: str
    legal_status: str
    where: Whereabouts
    holder: Holder | None
    seen: Seen | None
    away: Away | None
    # On a past day: where the child was as recorded at the end of that day,
    # when that differs from the history as corrected since (None: recorded
    # then as not in care that day).
    recorded_differently: bool = False
    recorded: Placed | None = None


@dataclass(frozen=True)
class RecordedOnly:
    """A child recorded at the end of a past day as placed that day, whom the
    history as corrected since has not in care then."""

    child: Person
    placed: Placed
    lives_with: str


@dataclass(frozen=True)
class Facet:
    """What the filters read of a child, kept for those the user may not open
    so they can be counted under any filter without being named."""

    place: str
    where: Whereabouts
    holder: Holder | None


@dataclass(frozen=True)
class Board:
    day: dt.date
    past: bool
    rows: list[Row]
    unnamed: list[Facet]  # the children the user may not open
    recorded_only: list[RecordedOnly] = field(default_factory=list)
    teams: list[tuple[int, str]] = field(default_factory=list)
    workers: list[tuple[int, str]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        """How many children on the board the user may not open."""
        return len(self.unnamed)

    @property
    def differ(self) -> int:
        """How many children's whereabouts were recorded differently then."""
        return sum(r.recorded_differently for r in self.rows) + len(self.recorded_only)


def board(
    user: User, *, day: dt.date | None = None, filters: Filters = Filters()
) -> Board:
    """The board for today, or for a past day, narrowed by the filters."""
    return narrowed(whole_board(user, day=day), filters)


def whole_board(user: User, *, day: dt.date | None = None) -> Board:
    """Every looked-after child on the day, ordered by name."""
    today = clock.today()
    day = min(day or today, today)
    past = day < today
    in_care = whereabouts.in_care_on(day)
    recorded = as_recorded.recorded_on(day) if past else {}
    ids = {c.child_id for c in in_care} | set(recorded)
    openable = among.openable_among(user, ids).openable
    holders = whereabouts.holders_on(ids, day)
    homes = whereabouts.homes(in_care)
    found = [
        (c, locate(homes.get(c.child_id, ""), c.placed.postcode, c.placed.district))
        for c in in_care
    ]
    shown = [(c, w) for c, w in found if c.child_id in openable]
    shown_ids = {c.child_id for c, _ in shown}
    recorded_ids = {pk for pk in recorded if pk in openable}
    people = whereabouts.children(shown_ids | recorded_ids)
    named = _Named(user, [c.placed for c, _ in shown] + list(recorded.values()))
    moment = whereabouts.end_of(day) if past else clock.now()
    seen = whereabouts.last_seen(shown_ids, moment)
    away = away_among(shown_ids, moment)
    rows = [
        _row(c, w, people[c.child_id], named, holders, seen, away, recorded, past)
        for c, w in shown
    ]
    in_care_ids = {c.child_id for c in in_care}
    only = [
        RecordedOnly(people[pk], where, named.lives_with(where))
        for pk, where in recorded.items()
        if pk in recorded_ids and pk not in in_care_ids
    ]
    return Board(
        day=day,
        past=past,
        rows=sort(rows, "name"),
        unnamed=[
            Facet(c.placed.place, w, holders.get(c.child_id))
            for c, w in found
            if c.child_id not in openable
        ],
        recorded_only=sorted(only, key=lambda r: _name_key(r.child)),
        **_choices(rows),
    )


def narrowed(whole: Board, filters: Filters) -> Board:
    """The board with only the children matching the filters, in their order."""

    def matching(facet: Facet) -> bool:
        return _matches(filters, facet)

    return replace(
        whole,
        rows=sort(
            [
                r
                for r in whole.rows
                if matching(Facet(r.placed.place, r.where, r.holder))
            ],
            filters.sort,
        ),
        unnamed=[f for f in whole.unnamed if matching(f)],
    )


def _matches(filters: Filters, facet: Facet) -> bool:
    holder = facet.holder
    worker = holder.worker if holder is not None else None
    if filters.team and (holder is None or holder.team.pk != filters.team):
        return False
    if filters.worker and (worker is None or worker.pk != filters.worker):
        return False
    if filters.place and facet.place != filters.place:
        return False
    if filters.area and facet.where.area.value != filters.area:
        return False
    return not (filters.band and facet.where.band != filters.band)


class _Named:
    """Who each placement's child lives with, carers named as the user may see
    them (a restricted carer's record by number): one read for every carer."""

    def __init__(self, user: User, placed: list[Placed]) -> None:
        ids = {p.carer_id for p in placed if p.carer_id is not None}
        carers = list(
            Carer.objects.filter(pk__in=ids).select_related("person", "provider")
        )
        names = directory.carer_names(user, carers) if carers else {}
        self.names = {c.pk: f"{names[c.pk]} ({c.provider})" for c in carers}

    def lives_with(self, placed: Placed) -> str:
        if placed.carer_id is not None:
            return self.names.get(placed.carer_id, "")
        if placed.provider_name:
            return placed.provider_name
        return PARENTS if placed.place == "P1" else ""


def _row(
    c: InCare,
    where: Whereabouts,
    child: Person,
    named: _Named,
    holders: dict[int, Holder],
    seen: dict[int, Seen],
    away: dict[int, Away],
    recorded: dict[int, Placed],
    past: bool,
) -> Row:
    row = Row(
        child=child,
        placed=c.placed,
        lives_with=named.lives_with(c.placed),
        legal_status=c.legal_status,
        where=where,
        holder=holders.get(c.child_id),
        seen=seen.get(c.child_id),
        away=away.get(c.child_id),
    )
    then = recorded.get(c.child_id)
    if past and not c.placed.same_as(then):
        row = replace(row, recorded_differently=True, recorded=then)
    return row


def _choices(rows: list[Row]) -> dict[str, Any]:
    """The teams, workers and placement types of the children the user may
    open, to filter by."""
    teams: dict[int, str] = {}
    workers: dict[int, str] = {}
    for row in rows:
        if row.holder is not None:
            teams[row.holder.team.pk] = row.holder.team.name
            if row.holder.worker is not None:
                workers[row.holder.worker.pk] = _staff_name(row.holder.worker)
    return {
        "teams": sorted(teams.items(), key=lambda t: t[1]),
        "workers": sorted(workers.items(), key=lambda w: w[1]),
        "places": sorted({row.placed.place for row in rows}),
    }


def _staff_name(user: User) -> str:
    return user.get_full_name() or user.username


def _name_key(child: Person) -> tuple[str, str, int]:
    return (child.family_name.lower(), child.given_name.lower(), child.pk)


NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)

SORTS: dict[str, tuple[str, Callable[[Row], Any]]] = {
    "name": ("Child's name", lambda r: _name_key(r.child)),
    "since": ("Placed longest", lambda r: (r.placed.since, _name_key(r.child))),
    "distance": (
        "Furthest from home",
        lambda r: (r.where.miles is None, -(r.where.miles or 0), _name_key(r.child)),
    ),
    "seen": (
        "Longest since seen",
        lambda r: (r.seen.at if r.seen else NEVER, _name_key(r.child)),
    ),
    "team": (
        "Team and worker",
        lambda r: (
            r.holder is None,
            r.holder.team.name if r.holder else "",
            _staff_name(r.holder.worker) if r.holder and r.holder.worker else "",
            _name_key(r.child),
        ),
    ),
}


def sort(rows: list[Row], by: str) -> list[Row]:
    key = SORTS.get(by, SORTS["name"])[1]
    return sorted(rows, key=key)
