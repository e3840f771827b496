"""A seeded test database built once, then copied back whole before each test.

Seeding the demo authority takes seconds; copying an in-memory SQLite database
with SQLite's backup API takes milliseconds. So the first test that asks for a
seeding runs it and keeps a copy of the whole database (tables, sequences and
the journal's triggers); each later test that asks for the same seeding gets the
copy put back over its database, the state that seeding would have left, and
its writes are flushed afterwards as before. Tests stay independent: each starts
from the same copy, none sees another's writes.

A copy is kept for the day it was made (the demo's dates are relative to
today), and only for in-memory SQLite; on any other database every test seeds
afresh.
"""

import sqlite3
from collections.abc import Callable, Hashable

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from haven.core import clock, shared_rules

_copies: dict[Hashable, tuple[object, sqlite3.Connection]] = {}


def _copyable() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()  # type: ignore[attr-defined]


def seeded(key: Hashable, seed: Callable[[], None]) -> None:
    """Leave the test database as `seed()` leaves it, seeding at most once a day
    for each `key` (which must name everything `seed` depends on)."""
    if not _copyable():
        seed()
        return
    connection.ensure_connection()
    day = clock.today()
    kept = _copies.get(key)
    if kept is not None and kept[0] == day:
        kept[1].backup(connection.connection)
        # The process's caches hold ids of the rows the copy replaced.
        ContentType.objects.clear_cache()
        shared_rules.forget()
        return
    seed()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    _copies[key] = (day, copy)
