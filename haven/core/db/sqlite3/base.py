"""Django's SQLite backend, able to flush a database whose journal refuses DELETE.

Flushing wipes every table at once (tests and `manage.py flush` do it); it lifts the
journal's triggers for the wipe and puts them back in the same script.
"""

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
