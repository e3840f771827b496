"""The queries behind `journal.append_many`, and where a batch has got to.

A payment run appended one event to each of two thousand children's streams,
each append asking for its stream's last event and inserting its row: four
thousand queries. A batch asks for every stream's last event in one query
and inserts its rows a few hundred at a time.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, connections, router
from django.db.models import OuterRef, Subquery, signals

from haven.core import compiled
from haven.core.models import JournalEvent

# Rows a single INSERT writes (fewer where the database allows fewer
# parameters: about seventy on SQLite).
ROWS_AT_ONCE = 1000

_HEADS: dict[str, compiled.Compiled] = {}


def heads(person_ids: list[int]) -> dict[int, dict[str, Any]]:
    """{person id: the sequence and hash of their stream's last event}, the
    rows locked in the order of the ids (people with no events are left out,
    as `journal._head` finds no row for them)."""
    using = router.db_for_write(JournalEvent)
    query = _HEADS.get(using)
    if query is None:
        events = JournalEvent.objects.using(using)
        last = events.filter(person_id=OuterRef("person_id")).order_by("-sequence")
        ids, slot = compiled.ids_in(using)
        rows = (
            events.select_for_update()
            .filter(person_id__in=ids, sequence=Subquery(last.values("sequence")[:1]))
            .order_by("person_id")
            .values("person_id", "sequence", "hash")
        )
        query = _HEADS[using] = compiled.Compiled(rows, [slot])
    found = query.all(ids=compiled.ids_value(using, person_ids))
    return {row["person_id"]: row for row in found}


def insert(events: list[JournalEvent], *, one: Callable[[JournalEvent], None]) -> None:
    """Write the events, as `one` (journal._insert) writes each: one by one
    where a save signal listens for events (bulk_create sends none), or the
    database cannot give back the new rows' ids."""
    using = router.db_for_write(JournalEvent)
    if (
        not connections[using].features.can_return_rows_from_bulk_insert
        or signals.pre_save.has_listeners(JournalEvent)
        or signals.post_save.has_listeners(JournalEvent)
    ):
        for event in events:
            one(event)
        return
    JournalEvent.objects.using(using).bulk_create(events, batch_size=ROWS_AT_ONCE)


@dataclass
class _Batch:
    """A batch's streams, each at its event's place, and the place of the
    event whose listeners are running."""

    places: dict[int, int] = field(default_factory=dict)
    current: int = -1


def _open() -> list[_Batch]:
    # On the connection, which is the thread's, as together.py keeps its blocks.
    found: list[_Batch] | None = getattr(connection, "_haven_batches", None)
    if found is None:
        found = connection._haven_batches = []  # type: ignore[attr-defined]
    return found


@contextmanager
def listened(events: list[JournalEvent]) -> Iterator[None]:
    """While the batch's listeners run."""
    batches = _open()
    batches.append(_Batch({e.person_id: n for n, e in enumerate(events)}))
    try:
        yield
    finally:
        batches.pop()


def reached(place: int) -> None:
    """The listeners of the batch's event at `place` are running."""
    _open()[-1].current = place


def ahead(person_ids: list[int]) -> bool:
    """Whether any of these streams has its event later in a batch whose
    listeners are running: appended one by one, it would not be written yet."""
    return any(
        batch.places.get(pk, -1) > batch.current
        for batch in _open()
        for pk in person_ids
    )
