"""The whereabouts board's second phase: the children shown (a page of the
board, or all of it for an export) read in full, from the entries
haven.care.board.index read for every child. A fixed number of queries, however
many entries: one each for the children's records, the carers they live with,
the legal statuses, who holds their cases, when they were last seen and
whether they are missing."""

from collections.abc import Sequence
from dataclasses import replace

from haven.care import directory, whereabouts
from haven.care.away import away_among
from haven.care.board_types import Board, Entry, RecordedOnly, Row
from haven.care.models import Carer
from haven.care.whereabouts import Placed
from haven.core.models import User
from haven.people.models import Person

PARENTS = "Parents or others with parental responsibility"


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


def _name_key(child: Person) -> tuple[str, str, int]:
    return (child.family_name.lower(), child.given_name.lower(), child.pk)


def filled(board: Board, user: User, entries: Sequence[Entry] | None = None) -> Board:
    """The board with these entries (by default all of them) read in full as
    its rows, in their order, and the children recorded then only."""
    chosen = list(board.entries if entries is None else entries)
    ids = {e.child_id for e in chosen}
    people = whereabouts.children(ids | set(board.recorded_then))
    named = _Named(
        user, [e.placed for e in chosen] + list(board.recorded_then.values())
    )
    statuses = whereabouts.legal_statuses(
        {e.placed.period_id for e in chosen}, board.day
    )
    holders = whereabouts.holders_on(ids, board.day)
    seen = whereabouts.last_seen(ids, board.moment)
    away = away_among(ids, board.moment)
    rows = [
        Row(
            child=people[e.child_id],
            placed=e.placed,
            lives_with=named.lives_with(e.placed),
            legal_status=statuses.get(e.placed.period_id, ""),
            where=e.where,
            holder=holders.get(e.child_id),
            seen=seen.get(e.child_id),
            away=away.get(e.child_id),
            recorded_differently=e.recorded_differently,
            recorded=e.recorded,
        )
        for e in chosen
    ]
    only = [
        RecordedOnly(people[pk], where, named.lives_with(where))
        for pk, where in board.recorded_then.items()
    ]
    return replace(
        board, rows=rows, recorded_only=sorted(only, key=lambda r: _name_key(r.child))
    )
