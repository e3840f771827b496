"""A page's floor: the time its own SQL takes, with none of Haven's Python.

The statements one request runs are captured as Django sends them to the
database (an execute wrapper: the SQL and its parameters), then replayed, in
order, through the backend's own cursor, every row fetched. What the request
takes beyond its floor is Haven's Python (and Django's): building queries,
turning rows into objects, rendering.

A page's request may write (the access log, a session): the replay runs in
one transaction of its own, rolled back, so replaying leaves nothing behind
and can repeat. The request's own transaction control (SQLite's BEGIN
IMMEDIATE, savepoints) is left out of the replay for that reason; a commit
never reaches the wrapper, and costs more than the rollback that replaces it,
so a floor is a little under what the database really costs, as a floor is.
"""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE")


@dataclass(frozen=True)
class Statement:
    sql: str
    params: Any
    many: bool
    # The backend cursor's class it ran on: Haven runs its compiled access
    # queries on PostgreSQL through psycopg's raw cursor ($1 placeholders,
    # prepared), and the replay runs each on the same kind.
    cursor_class: Any = None

    @property
    def controls_transaction(self) -> bool:
        return self.sql.lstrip().upper().startswith(TRANSACTION_CONTROL)


@contextmanager
def capturing() -> Iterator[list[Statement]]:
    """The statements run inside the block, in order, with their parameters."""
    statements: list[Statement] = []

    def capture(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        if many:
            params = list(params)  # an iterator would be spent by the first run
        backend = getattr(context.get("cursor"), "cursor", None)
        statements.append(Statement(sql, params, many, type(backend)))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        yield statements


def replay(statements: list[Statement]) -> list[list[tuple[Any, ...]]]:
    """Run the statements again through a raw cursor; every statement's rows
    (none for the transaction control left out)."""
    connection.ensure_connection()
    results: list[list[tuple[Any, ...]]] = []
    with transaction.atomic():
        # The backend's cursor, not Django's wrapper: no query log, no
        # wrappers, no conversion of rows; the same placeholders Django sends.
        default = connection.create_cursor()
        cursors = {type(default): default}
        try:
            for statement in statements:
                if statement.controls_transaction:
                    results.append([])
                    continue
                cursor = _cursor_for(statement, cursors)
                _execute(cursor, statement)
                results.append(cursor.fetchall() if cursor.description else [])
        finally:
            for cursor in cursors.values():
                cursor.close()
        transaction.set_rollback(True)
    return results


def _cursor_for(statement: Statement, cursors: dict[Any, Any]) -> Any:
    kind = statement.cursor_class
    if kind is None or kind is type(None):
        return next(iter(cursors.values()))
    if kind not in cursors:
        cursors[kind] = kind(connection.connection)
    return cursors[kind]


def _execute(cursor: Any, statement: Statement) -> None:
    # As django.db.backends.utils.CursorWrapper does: no parameters means
    # none, so a literal % in the SQL stays as it is.
    if statement.many:
        cursor.executemany(statement.sql, statement.params)
    elif statement.params is None:
        cursor.execute(statement.sql)
    else:
        cursor.execute(statement.sql, statement.params)


def replay_ms(statements: list[Statement]) -> float:
    """One replay's wall time in ms."""
    start = time.perf_counter()
    replay(statements)
    return (time.perf_counter() - start) * 1000
