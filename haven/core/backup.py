"""Backing up and restoring Haven's database while it serves.

SQLite: the online backup API copies a consistent snapshot of a live WAL database
page by page while other connections keep writing; copying the file with `cp`
could catch a half-written page or miss what is still in the -wal file.
PostgreSQL: `pg_dump` in its custom format (one consistent snapshot), restored
with `pg_restore --clean --if-exists`.

A backup is written beside its final name and renamed when complete, so a file
at the named path is always a whole backup.
"""

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import connections

# Tables whose rows make a database worth protecting from an accidental restore.
RECORD_TABLES = ("core_journalevent", "people_person", "core_user")


class BackupError(Exception):
    """A backup or restore that could not be done, in words for the operator."""


def backup(path: Path, *, using: str = "default") -> None:
    settings = connections[using].settings_dict
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    if connections[using].vendor == "sqlite":
        _sqlite_copy(_sqlite_connect(settings["NAME"]), _sqlite_connect(partial))
        _sqlite_standalone(partial)
    else:
        _run(
            [_pg_bin("pg_dump"), "--format=custom", f"--file={partial}"]
            + _pg_target(settings),
            settings,
        )
    os.replace(partial, path)


def restore(
    path: Path, *, force: bool = False, using: str = "default", stdout: Any = None
) -> None:
    """Replace the database's contents with the backup's, then verify the journal."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup at {path}")
    connection = connections[using]
    if not force and not is_empty(using):
        raise BackupError(
            "The database already holds records; restoring would replace them. "
            "Use --force if that is what you mean."
        )
    settings = connection.settings_dict
    connection.close()
    if connection.vendor == "sqlite":
        _sqlite_copy(
            _sqlite_connect(path, read_only=True), _sqlite_connect(settings["NAME"])
        )
    else:
        _run(
            [_pg_bin("pg_restore"), "--clean", "--if-exists", "--no-owner"]
            + _pg_target(settings)
            + [str(path)],
            settings,
        )
    call_command("verify_journal", stdout=stdout)


def is_empty(using: str = "default") -> bool:
    """True when no person, member of staff or journal event is stored yet."""
    connection = connections[using]
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in RECORD_TABLES:
            if table not in existing:
                continue
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
            if cursor.fetchone():
                return False
    return True


def _sqlite_connect(name: Any, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"file:{name}?mode=ro", uri=True)
    # uri=True as Django opens it, so a test's shared in-memory database is found.
    return sqlite3.connect(str(name), uri=True, timeout=30)


def _sqlite_copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    # One step (pages=-1): the copy is read under a single read transaction, so
    # it is one consistent moment even while other connections commit.
    try:
        source.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not copy the database: {error}") from error
    finally:
        target.close()
        source.close()


def _sqlite_standalone(path: Path) -> None:
    # A backup is one self-contained file (no -wal beside it) that SQLite has
    # checked page by page before it is given its final name.
    copy = sqlite3.connect(path)
    try:
        copy.execute("PRAGMA journal_mode=DELETE")
        result = copy.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        copy.close()
    if result != "ok":
        raise BackupError(f"The backup copy failed SQLite's check: {result}")


def _pg_bin(name: str) -> str:
    """The PostgreSQL client program: on PATH, else Debian's newest version."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not versions:
        raise BackupError(f"{name} is not installed: install PostgreSQL's client")
    return versions[-1]


def _pg_target(settings: dict[str, Any]) -> list[str]:
    host = settings.get("HOST") or settings.get("OPTIONS", {}).get("host", "")
    args = [f"--dbname={settings['NAME']}"]
    if host:
        args.append(f"--host={host}")
    if settings.get("PORT"):
        args.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        args.append(f"--username={settings['USER']}")
    return [*args, "--no-password"]


def _run(args: list[str], settings: dict[str, Any]) -> None:
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        # The environment, not the command line, so `ps` never shows it.
        env["PGPASSWORD"] = settings["PASSWORD"]
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(
            f"{Path(args[0]).name} failed: {result.stderr.strip() or result.returncode}"
        )
