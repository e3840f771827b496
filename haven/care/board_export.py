"""The whereabouts board as a file: the rows of the board as filtered, one a
child, for CSV (haven.core.exports) and spreadsheet (haven.core.spreadsheets).

Children the user may not open are not in the file; its last line counts them,
as the page does."""

from collections.abc import Iterator
from typing import Any

from django.utils import timezone

from haven.care.board import Board, Row
from haven.care.whereabouts import Placed

HEADER = [
    "Child",
    "Haven ID",
    "Date of birth",
    "Placement type",
    "Placed since",
    "Lives with",
    "Address",
    "Local authority (ONS code)",
    "In or out of area",
    "Miles from home",
    "Legal status",
    "Team",
    "Social worker",
    "Last seen",
    "Seen by",
    "Seen where",
    "Missing or away now",
    "Recorded differently at the time",
]


def _then(row: Row) -> str:
    if not row.recorded_differently:
        return ""
    return recorded_words(row.recorded)


def recorded_words(placed: Placed | None) -> str:
    """What was recorded at the time, in words."""
    if placed is None:
        return "Not in care that day"
    return f"{placed.place_words}, since {placed.since:%-d %B %Y}, {placed.address}"


def _cells(row: Row) -> list[Any]:
    holder, seen = row.holder, row.seen
    worker = holder.worker if holder else None
    return [
        row.child.full_name,
        row.child.pk,
        row.child.date_of_birth,
        row.placed.place_words,
        row.placed.since,
        row.lives_with,
        row.placed.address,
        row.where.district,
        row.where.area.label,
        row.where.miles,
        row.legal_status,
        holder.team.name if holder else "",
        (worker.get_full_name() or worker.username) if worker else "",
        timezone.localtime(seen.at) if seen else None,
        (seen.by.get_full_name() or seen.by.username) if seen else "",
        seen.place_words if seen else "",
        row.away.words if row.away else "",
        _then(row),
    ]


def rows(board: Board) -> Iterator[list[Any]]:
    """The board's rows as cells, then a line counting the children left out."""
    for row in board.rows:
        yield _cells(row)
    if board.hidden:
        yield [
            f"{board.hidden} more looked-after children match, whose records you "
            "may not open: not shown"
        ]


def filename(board: Board, extension: str) -> str:
    return f"whereabouts-{board.day:%Y-%m-%d}.{extension}"
