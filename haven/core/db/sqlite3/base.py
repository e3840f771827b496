"""Django's SQLite backend, able to flush a database whose journal refuses DELETE.

Flushing wipes every table at once (tests and `manage.py flush` do it); it lifts the
journal's triggers for the wipe and puts them back in the same script.
"""

import contextlib
import sqlite3
from typing import Any

from django.db.backends.sqlite3 import base, operations

from haven.core.db.triggers import SQLITE_CREATE, SQLITE_DROP, TABLE


class DatabaseOperations(operations.DatabaseOperations):
    def sql_flush(self, style: Any, tables: Any, **kwargs: Any) -> list[str]:
        statements = super().sql_flush(style, tables, **kwargs)
        if TABLE not in tables:
            return statements
        return [*SQLITE_DROP, *statements, *SQLITE_CREATE]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def _close(self) -> None:
        # SQLite's advice for long-lived databases: let it refresh the planner's
        # statistics as a connection closes. Without them it scans whole tables
        # through the wrong index once the register grows (measured in make bench).
        if self.connection is not None and not self.in_atomic_block:
            # A statistics refresh must never stop a connection closing.
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("PRAGMA optimize")
        super()._close()  # type: ignore[misc]
