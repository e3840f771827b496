"""The whereabouts board: every looked-after child the user may open, where
they are placed (or were, on a past day), how far from home and in or out of
the authority's area, who holds their case, when they were last seen and
whether they are missing. A child the user may not open is counted, never
named.

For a past day the board answers from the histories as they stand now ("as
corrected since") and from the journal as it stood at the end of that day ("as
recorded then", haven.care.as_recorded), and shows both where they differ.

The board is read in two phases, so that a page costs the same however many
children are in care. `index` reads, for every child on the day, only what the
filters, the order and the totals need, as plain values (no model instances):
an `Entry` a child. `narrowed` filters and orders the entries. Then
haven.care.board_rows reads the rest (the child's record, carers named, legal
status, last seen, missing) for the entries shown: a page of them, or all of
them for an export. Each phase's number of queries does not grow with the
number of children (tests/care/test_board.py counts them).
"""

import datetime as dt

from haven.care.board_index import SORTS, index, narrowed, sort
from haven.care.board_rows import PARENTS, filled
from haven.care.board_types import (
    Board,
    Entry,
    Facet,
    Filters,
    RecordedOnly,
    Row,
)
from haven.core.models import User

__all__ = [
    "PARENTS",
    "SORTS",
    "Board",
    "Entry",
    "Facet",
    "Filters",
    "RecordedOnly",
    "Row",
    "board",
    "filled",
    "index",
    "narrowed",
    "sort",
    "whole_board",
]


def board(
    user: User, *, day: dt.date | None = None, filters: Filters | None = None
) -> Board:
    """The board for today, or for a past day, narrowed by the filters, every
    child shown read in full (for a page of it, see board_views)."""
    return filled(narrowed(index(user, day=day), filters or Filters()), user)


def whole_board(user: User, *, day: dt.date | None = None) -> Board:
    """Every looked-after child on the day, ordered by name, read in full."""
    return filled(index(user, day=day), user)
