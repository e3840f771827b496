"""Failing the database at each point of a call in turn, and checking that
each failure left every row as it was and a journal that verifies; used by
test_fault_injection.py."""

import contextlib
import io
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    OperationalError,
    connection,
    connections,
)

Rows = dict[str, list[tuple[str, ...]]]
# Makes a fresh call of the service: models are read again before each attempt,
# so nothing a failed attempt did to a Python object carries into the next.
Attempt = Callable[[], Callable[[], object]]


def every_row() -> Rows:
    """Each table's rows, as text, in a fixed order."""
    rows: Rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            # SQLite's own bookkeeping; the sessions of the signed-in test
            # client, which any page, an error page too, may save.
            if table.startswith("sqlite_") or table == "django_session":
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows[table] = sorted(tuple(map(repr, row)) for row in cursor.fetchall())
    return rows


def journal_problems() -> str:
    """What verify_journal finds wrong (chains, triggers, state), or ''."""
    err = io.StringIO()
    try:
        call_command("verify_journal", stdout=io.StringIO(), stderr=err)
    except CommandError as failed:
        return f"{failed}\n{err.getvalue()}"
    return ""


class Fault:
    """Raises OperationalError at the `at`-th point (from 0) of a call, a point
    being a query or a commit, as a dropped connection or a full disk would."""

    def __init__(self, at: int) -> None:
        self.at, self.seen, self.fired = at, 0, ""

    def point(self, what: str) -> None:
        self.seen += 1
        if self.seen - 1 == self.at:
            self.fired = what
            raise OperationalError(f"injected fault at point {self.at}: {what}")

    def query(self, execute: Any, sql: str, params: Any, many: bool, context: Any):
        try:
            self.point(" ".join(sql.split())[:120])
        except OperationalError as fault:
            # Fail on the server too, so that PostgreSQL really aborts the
            # transaction, as a real error would: nothing after it can commit.
            with contextlib.suppress(DatabaseError):
                execute("SELECT * FROM haven_no_such_table", None, False, context)
            raise fault
        return execute(sql, params, many, context)


@contextlib.contextmanager
def injected(fault: Fault) -> Iterator[None]:
    db = connections[DEFAULT_DB_ALIAS]
    real_commit = db._commit

    def commit() -> None:
        fault.point("COMMIT")
        real_commit()

    db._commit = commit  # type: ignore[method-assign]
    try:
        with db.execute_wrapper(fault.query):
            yield
    finally:
        del db._commit  # the instance attribute; the method shows again


def fail_at_every_point(
    name: str, attempt: Attempt, *, logs: frozenset[str] = frozenset()
) -> int:
    """Fail the call at each of its points in turn, then let it through; return
    how many points it has. Tables in `logs` may gain rows, never lose or
    change one."""
    before = every_row()
    assert not journal_problems(), "the journal was broken before the service ran"
    at, failed_at = 0, []
    while True:
        fault = Fault(at)
        call = attempt()
        try:
            with injected(fault):
                call()
        except OperationalError:
            if not fault.fired:
                raise
        else:
            assert not fault.fired, (
                f"{name} carried on after a database error at point {at}: {fault.fired}"
            )
            break
        after = every_row()
        changed = [
            table
            for table in before
            if after[table] != before[table]
            and (table not in logs or Counter(before[table]) - Counter(after[table]))
        ]
        assert not changed, (
            f"{name}: a fault at point {at} ({fault.fired}) left a partial write "
            f"in {changed}"
        )
        problems = journal_problems()
        assert not problems, f"{name}: after a fault at point {at}: {problems}"
        failed_at.append(fault.fired)
        at += 1
    after = every_row()
    written = [t for t in before if t not in logs and after[t] != before[t]]
    assert written, f"{name} wrote nothing when let through"
    assert not journal_problems()
    # The service's own transaction was the outermost: it really committed.
    assert "COMMIT" in failed_at, f"{name} never reached a real commit"
    print(f"\n{name}: failed at each of {at} points, no trace left")
    return at
