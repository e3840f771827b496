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


def missing(connection: Any) -> list[str]:
    """The append-only triggers that are absent, disabled or no longer refuse.

    Someone with the table owner's rights can drop a trigger, or on PostgreSQL
    disable it or replace its function with one that lets changes through.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            return _missing_on_sqlite(cursor)
        if connection.vendor == "postgresql":
            return _missing_on_postgresql(cursor)
    raise NotImplementedError(f"No journal triggers for {connection.vendor}")


def _missing_on_sqlite(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
        [TABLE],
    )
    found = {name: sql for name, sql in cursor.fetchall()}
    wanted = {"journal_no_update": "UPDATE", "journal_no_delete": "DELETE"}
    return [
        name
        for name, action in wanted.items()
        if name not in found
        or f"BEFORE {action} ON {TABLE}" not in found[name]
        or MESSAGE not in found[name]
    ]


def _missing_on_postgresql(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT t.tgname, t.tgenabled, t.tgtype, p.prosrc FROM pg_trigger t "
        "JOIN pg_proc p ON p.oid = t.tgfoid "
        "WHERE t.tgrelid = to_regclass(%s) AND NOT t.tgisinternal",
        [TABLE],
    )
    # tgtype bits: 2 BEFORE, 8 DELETE, 16 UPDATE (and 1 FOR EACH ROW).
    before_update_delete = 2 | 8 | 16
    for _name, enabled, kind, source in cursor.fetchall():
        if (
            enabled != "D"
            and kind & before_update_delete == before_update_delete
            and MESSAGE in source
            and "RAISE EXCEPTION" in source.upper()
        ):
            return []
    return ["journal_no_update_or_delete"]
