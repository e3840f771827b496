"""What the whereabouts board is made of (haven.care.board): the filters, an
entry for each child the user may open (read for every child, plain values), a
row for each child read in full, and the board."""

import datetime as dt
from dataclasses import dataclass, field

from haven.care.away import Away
from haven.care.distance import Whereabouts
from haven.care.whereabouts import Holder, Holds, Placed, Seen
from haven.people.models import Person


@dataclass(frozen=True)
class Filters:
    """What the board is narrowed to, and its order."""

    team: int | None = None
    worker: int | None = None
    place: str = ""
    area: str = ""  # haven.care.distance.Area's value
    band: str = ""  # haven.care.distance.BANDS' key
    sort: str = "name"


NameKey = tuple[str, str, int]


@dataclass(frozen=True)
class Facet:
    """What the filters read of a child, kept for those the user may not open
    so they can be counted under any filter without being named."""

    place: str
    where: Whereabouts
    holds: Holds | None


# Not frozen: built for every child on the board (see whereabouts.Placed).
@dataclass(slots=True)
class Entry:
    """One child the user may open on the board, as far as filtering, ordering
    and counting need: read for every child, so plain values."""

    child_id: int
    name: NameKey  # (family name, given name) lowercased, then the id
    placed: Placed
    where: Whereabouts
    holds: Holds | None
    # On a past day: where the child was as recorded at the end of that day,
    # when that differs from the history as corrected since (None: recorded
    # then as not in care that day).
    recorded_differently: bool = False
    recorded: Placed | None = None
    seen_at: dt.datetime | None = None  # read only to order by it

    @property
    def facet(self) -> Facet:
        return Facet(self.placed.place, self.where, self.holds)


@dataclass(frozen=True)
class Row:
    """One child on the board, read in full (haven.care.board_rows)."""

    child: Person
    placed: Placed
    lives_with: str
    legal_status: str
    where: Whereabouts
    holder: Holder | None
    seen: Seen | None
    away: Away | None
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
class Board:
    day: dt.date
    past: bool
    moment: dt.datetime  # now, or the end of the past day
    entries: list[Entry]  # every child shown, in order
    unnamed: list[Facet]  # the children the user may not open
    # {child id: where recorded then} of the children the user may open who
    # were recorded then as placed, and are not in care as corrected since.
    recorded_then: dict[int, Placed] = field(default_factory=dict)
    teams: list[tuple[int, str]] = field(default_factory=list)
    workers: list[tuple[int, str]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    # The entries read in full (haven.care.board_rows.filled): a page, or all.
    rows: list[Row] = field(default_factory=list)
    recorded_only: list[RecordedOnly] = field(default_factory=list)

    @property
    def shown(self) -> int:
        """How many children the board shows, over all its pages."""
        return len(self.entries)

    @property
    def hidden(self) -> int:
        """How many children on the board the user may not open."""
        return len(self.unnamed)

    @property
    def differ(self) -> int:
        """How many children's whereabouts were recorded differently then."""
        return sum(e.recorded_differently for e in self.entries) + len(
            self.recorded_then
        )
