"""The queries behind `journal.append_many`, and where a batch has got to.

A payment run appended one event to each of two thousand children's streams,
each append asking for its stream's last event and inserting its row: four
thousand queries. A batch asks for every stream's last event in one query
and inserts its rows a few hundred at a time.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, connections, router

from haven.core import compiled
from haven.core.models import JournalEvent

# Rows a single INSERT writes at most (fewer where the database allows fewer
# parameters).
ROWS_AT_ONCE = 500

# Each id asked is looked up once, its last event found by the unique index
# on (person, sequence). Filtering the events by `person_id IN (...)` instead
# compared every event of every child asked with its stream's last: 290 ms
# for the 2,200 children of a payment run on a large authority, against 11.
_HEADS = {
    "sqlite": ("json_each(%s) AS ids", ""),
    "postgresql": ("unnest(%s::bigint[]) AS ids(value)", " FOR UPDATE OF e"),
}


def heads(person_ids: list[int]) -> dict[int, dict[str, Any]]:
    """{person id: the sequence and hash of their stream's last event}, the
    rows locked in the order of the ids (people with no events are left out,
    as `journal._head` finds no row for them)."""
    using = router.db_for_write(JournalEvent)
    wrapper = connections[using]
    asked, lock = _HEADS[wrapper.vendor]
    table = wrapper.ops.quote_name(JournalEvent._meta.db_table)
    sql = (
        f"SELECT e.person_id, e.sequence, e.hash FROM {asked} "
        f"JOIN {table} e ON e.person_id = ids.value AND e.sequence = "
        f"(SELECT MAX(u.sequence) FROM {table} u WHERE u.person_id = ids.value) "
        f"ORDER BY e.person_id{lock}"
    )
    with wrapper.cursor() as cursor:
        cursor.execute(sql, [compiled.ids_value(using, person_ids)])
        found = cursor.fetchall()
    return {
        person: {"person_id": person, "sequence": sequence, "hash": hashed}
        for person, sequence, hashed in found
    }


def insert_rows(
    events: list[JournalEvent], rows: list[list[Any]], sql: str, using: str
) -> None:
    """Write the events, their values prepared (`rows`), with `sql`, the
    INSERT of one event (journal._insert_sql): one statement for as many rows
    as the database takes parameters for, each row the same VALUES group."""
    wrapper = connections[using]
    width = len(rows[0])
    before, values, after = sql.partition(" VALUES (")
    group, _closed, after = after.partition(")")
    group = f"({group})"
    if not values or group.count("%s") != width or "%s" in before + after:
        raise ImproperlyConfigured("The journal's INSERT has no VALUES to repeat")
    at_once = max(1, min(ROWS_AT_ONCE, _parameters(wrapper) // width))
    for start in range(0, len(events), at_once):
        chunk = rows[start : start + at_once]
        groups = ", ".join([group] * len(chunk))
        with wrapper.cursor() as cursor:
            cursor.execute(
                f"{before} VALUES {groups}{after}",
                [value for row in chunk for value in row],
            )
            # Both databases give the new ids in the order of the VALUES, as
            # Django's bulk_create counts on.
            ids = [found[0] for found in cursor.fetchall()]
        for event, pk in zip(events[start : start + at_once], ids, strict=True):
            event.pk = pk
            event._state.adding = False
            event._state.db = using


def _parameters(wrapper: Any) -> int:
    """The most parameters one statement may carry: SQLite's own limit (Django
    assumes the 999 of SQLite before 3.32)."""
    if wrapper.vendor == "sqlite":
        wrapper.ensure_connection()
        return int(wrapper.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    return int(wrapper.features.max_query_params or 65_535)


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
