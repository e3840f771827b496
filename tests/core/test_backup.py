"""The backup and restore drill: back up a database while a worker keeps writing,
restore it into a fresh database, and find the journal intact and every row that
was committed before the backup began, unchanged.

Runs on SQLite in the normal suite and on PostgreSQL under tests.pgcluster. The
drill makes its own source and target databases (SQLite's test database lives in
memory, where there is no WAL and no second connection to copy it from).
"""

import contextlib
import datetime as dt
import hashlib
import io
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, connection, connections

from haven.casework.seeing import Seen
from haven.casework.services import record_note
from haven.casework.visits import Visit
from haven.core import clock
from haven.core.models import Team, User
from haven.core.services import allocate_case
from haven.people.models import Person
from tests.conftest import make_user
from tests.factories import ChildFactory

Rows = dict[str, list[tuple[str, ...]]]


@contextlib.contextmanager
def pointed_at(name: str) -> Iterator[None]:
    """Every new connection (this thread's and the writer's) opens `name`.

    The test database's own connection is set aside, not closed: closing an
    in-memory SQLite database would destroy it for the tests after this one.
    """
    settings = connections.settings[DEFAULT_DB_ALIAS]  # shared by every thread
    original, original_name = connections[DEFAULT_DB_ALIAS], settings["NAME"]
    settings["NAME"] = name
    connections[DEFAULT_DB_ALIAS] = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS].close()
        settings["NAME"] = original_name
        connections[DEFAULT_DB_ALIAS] = original


@pytest.fixture
def drill_databases(
    django_db_setup: None, django_db_blocker, tmp_path: Path
) -> Iterator[tuple[str, str]]:
    """Names of an empty source and an empty target database."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            yield str(tmp_path / "source.sqlite3"), str(tmp_path / "target.sqlite3")
            return
        base = connection.settings_dict["NAME"]
        names = (f"{base}_drill_source", f"{base}_drill_target")
        with connection.cursor() as cursor:
            for name in names:
                cursor.execute(f"DROP DATABASE IF EXISTS {name}")
                cursor.execute(f"CREATE DATABASE {name}")
        try:
            yield names
        finally:
            connection.close()
            with connection.cursor() as cursor:
                for name in names:
                    cursor.execute(f"DROP DATABASE IF EXISTS {name}")


def every_row() -> Rows:
    """Each table's rows, as text, in a fixed order."""
    rows: Rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table.startswith("sqlite_"):  # SQLite's own statistics
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(tuple(map(repr, row)) for row in cursor.fetchall())
    return rows


def checksum(rows: list[tuple[str, ...]]) -> str:
    return hashlib.sha256(repr(sorted(rows)).encode()).hexdigest()


def seed() -> tuple[User, list[Person]]:
    team = Team.objects.create(name="Assessment Team")
    alice = make_user("alice", "social_worker", team)
    mona = make_user("mona", "team_manager", team)
    team.managers.add(mona)
    children = [ChildFactory() for _ in range(3)]
    for child in children:
        allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return alice, children


class Writer(threading.Thread):
    """A worker recording case notes through the service as fast as it can."""

    def __init__(self, author: User, children: list[Person]) -> None:
        super().__init__(daemon=True)
        self.author, self.children = author, children
        self.written = 0
        self.stop = threading.Event()
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                child = self.children[self.written % len(self.children)]
                record_note(
                    [child],
                    kind="visit",
                    occurred_at=clock.now() - dt.timedelta(minutes=1),
                    subject=f"Visit {self.written}",
                    body="Seen at home; talked about school.",
                    seen=Seen(True, "yes"),
                    visit=Visit(True, "home", True, "yes"),
                    by=self.author,
                )
                self.written += 1
        except BaseException as error:  # reported by the test, not lost in a thread
            self.error = error
        finally:
            connection.close()

    def wait_for(self, count: int) -> None:
        deadline = clock.now() + dt.timedelta(seconds=30)
        while self.written < count and clock.now() < deadline and self.error is None:
            self.stop.wait(0.01)
        assert self.error is None, self.error
        assert self.written >= count, "the writer made no progress"


def test_a_backup_of_a_busy_database_restores_every_row_and_an_intact_journal(
    drill_databases: tuple[str, str], tmp_path: Path
) -> None:
    source, target = drill_databases
    backup_file = tmp_path / "haven.backup"
    with pointed_at(source):
        call_command("migrate", verbosity=0)
        alice, children = seed()
        writer = Writer(alice, children)
        writer.start()
        try:
            writer.wait_for(5)
            before = every_row()
            call_command("backup", str(backup_file), stdout=io.StringIO())
            writer.wait_for(writer.written + 5)
        finally:
            writer.stop.set()
            writer.join()
        assert writer.error is None, writer.error
        after = every_row()

    with pointed_at(target):
        out = io.StringIO()
        call_command("restore", str(backup_file), stdout=out)
        assert "All journal chains intact" in out.getvalue()
        restored = every_row()

    assert set(restored) == set(before)
    for table, rows in before.items():
        kept = Counter(restored[table])
        # Every row committed before the backup began is there, unchanged ...
        committed = [row for row in rows if kept[row]]
        assert len(committed) == len(rows), f"{table} lost rows"
        assert checksum(committed) == checksum(rows), table
        # ... and nothing is there that the live database never held.
        assert not kept - Counter(after[table]), f"{table} has rows never written"
        assert len(rows) <= len(restored[table]) <= len(after[table]), table
    # One moment: each note the backup caught has its journal event, and the
    # notes written after it finished are not in it.
    notes = len(restored["casework_casenote"])
    events = [
        row for row in restored["core_journalevent"] if "note_recorded" in str(row)
    ]
    assert notes == len(events)
    assert notes < len(after["casework_casenote"])


def test_restore_refuses_a_database_that_holds_records_unless_forced(
    drill_databases: tuple[str, str], tmp_path: Path
) -> None:
    source, _ = drill_databases
    backup_file = tmp_path / "haven.backup"
    with pointed_at(source):
        call_command("migrate", verbosity=0)
        seed()
        call_command("backup", str(backup_file), stdout=io.StringIO())
        with pytest.raises(CommandError, match="already holds records"):
            call_command("restore", str(backup_file), stdout=io.StringIO())
        out = io.StringIO()
        call_command("restore", str(backup_file), force=True, stdout=out)
        assert "All journal chains intact" in out.getvalue()
        assert Person.objects.count() == 3


def test_restore_names_a_missing_backup(
    drill_databases: tuple[str, str], tmp_path: Path
) -> None:
    _, target = drill_databases
    with pointed_at(target), pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "nothing-here"))
