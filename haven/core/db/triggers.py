"""Database triggers that make the journal append-only, on SQLite and PostgreSQL."""

from typing import Any

TABLE = "core_journalevent"
MESSAGE = "the journal is append-only: record a correction instead"

SQLITE_CREATE = [
    f"CREATE TRIGGER IF NOT EXISTS journal_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS journal_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS journal_no_update",
    "DROP TRIGGER IF EXISTS journal_no_delete",
]
POSTGRES_CREATE = [
    "CREATE OR REPLACE FUNCTION haven_journal_append_only() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$",
    f"CREATE TRIGGER journal_no_update_or_delete BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION haven_journal_append_only()",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS journal_no_update_or_delete ON {TABLE}",
    "DROP FUNCTION IF EXISTS haven_journal_append_only()",
]


def statements(vendor: str, create: bool) -> list[str]:
    if vendor == "sqlite":
        return SQLITE_CREATE if create else SQLITE_DROP
    if vendor == "postgresql":
        return POSTGRES_CREATE if create else POSTGRES_DROP
    raise NotImplementedError(f"No journal triggers for {vendor}")


def install(apps: Any, schema_editor: Any) -> None:
    for sql in statements(schema_editor.connection.vendor, create=True):
        schema_editor.execute(sql)


def remove(apps: Any, schema_editor: Any) -> None:
    for sql in statements(schema_editor.connection.vendor, create=False):
        schema_editor.execute(sql)
