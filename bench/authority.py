"""The large authority the benchmarks run against, built once and cached.

    python -m bench.authority --children 20000 --years 5 [--seed 1]
        [--database sqlite|postgres] [--today 2026-12-01]

Staff in proportion (about 600 for 20,000 children) and years of history, made
by the demo's own generators through Haven's services (bench/history.py,
bench/staffing.py), so the journal is the one the services write.

The result is kept under var/bench/, named by a hash of the migrations, the
generator source and the arguments: SQLite as the database file, PostgreSQL as
a pg_dump archive restored into a throwaway cluster. A second run with the same
key reuses it. `--today` (default: the first of this month, so a cache lasts a
month) is the day the last slice is built on.
"""

import argparse
import datetime as dt
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "var" / "bench"
GENERATORS = (
    "bench/ageing.py",
    "bench/authority.py",
    "bench/history.py",
    "bench/staffing.py",
    "bench/to_postgres.py",
    # Every app's demo stories, however deep (haven/care/health/demo.py too).
    "haven/**/demo*.py",
    "haven/demo/**/*.py",
    "haven/*/migrations/*.py",
)


_ARGUMENTS = ("children", "years", "seed", "database", "today", "cache_dir")


def parser() -> argparse.ArgumentParser:
    first = dt.date.today().replace(day=1)
    parse = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parse.add_argument("--children", type=int, default=1000)
    parse.add_argument("--years", type=int, default=5)
    parse.add_argument("--seed", type=int, default=1)
    parse.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parse.add_argument("--today", type=dt.date.fromisoformat, default=first)
    parse.add_argument("--cache-dir", type=Path, default=CACHE)
    return parse


def cache_key(args: argparse.Namespace) -> str:
    """A hash of the schema, the generators and the arguments."""
    digest = _hash_of(GENERATORS)
    for name in ("children", "years", "seed", "database", "today"):
        digest.update(f"{name}={getattr(args, name)};".encode())
    return digest.hexdigest()[:16]


def _hash_of(patterns: tuple[str, ...]) -> "hashlib._Hash":
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest


def cached_path(args: argparse.Namespace) -> Path:
    suffix = "sqlite3" if args.database == "sqlite" else "pgdump"
    name = f"authority-{args.children}c-{args.years}y-s{args.seed}-{cache_key(args)}"
    return args.cache_dir / f"{name}.{suffix}"


def _setup(database_url: str) -> None:
    os.environ["HAVEN_DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    # The suite's check that a compiled query still matches its rules rebuilds
    # each one; it proves nothing more here and would slow the build.
    os.environ.setdefault("HAVEN_CHECK_SHARED_ACCESS_RULES", "false")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _build(args: argparse.Namespace) -> None:
    from bench import history

    started, cpu = time.perf_counter(), time.process_time()
    history.build(args.children, args.years, args.seed, args.today)
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"built {args.children} children over {args.years} years in {took:.0f} s, "
        f"{cpu:.0f} s of this process's CPU ({args.children / took:.1f} children "
        f"a second; {args.children / cpu:.1f} a CPU second)"
    )


def build_sqlite(args: argparse.Namespace, target: Path) -> None:
    building = target.with_suffix(".building")
    building.unlink(missing_ok=True)
    # An empty migrated database is kept too: migrating takes longer than a
    # small authority's build.
    schema = (
        target.parent / f"schema-{_hash_of(GENERATORS[-1:]).hexdigest()[:16]}.sqlite3"
    )
    if schema.exists():
        shutil.copyfile(schema, building)
    _setup(f"sqlite:///{building}")
    from django.db import connection

    if not schema.exists():
        _checkpoint()
        shutil.copyfile(building, schema.with_suffix(".part"))
        schema.with_suffix(".part").rename(schema)
    with connection.cursor() as cursor:  # nothing to survive a power cut yet
        cursor.execute("PRAGMA synchronous=OFF")
    _build(args)
    _checkpoint()
    building.rename(target)


def _checkpoint() -> None:
    """Everything in the database file itself, so a copy of it is whole."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def build_postgres(args: argparse.Namespace, target: Path) -> None:
    """The SQLite authority of the same arguments (built first, in its own
    process, if missing), copied row for row (bench/to_postgres.py)."""
    from tests.pgcluster import cluster

    on_sqlite = argparse.Namespace(**{**vars(args), "database": "sqlite"})
    argv = [f"--{n.replace('_', '-')}={getattr(on_sqlite, n)}" for n in _ARGUMENTS]
    subprocess.run([sys.executable, "-m", "bench.authority", *argv], check=True)
    source = cached_path(on_sqlite)
    with cluster() as url:
        _setup(url)
        from bench import to_postgres

        started = time.perf_counter()
        rows = to_postgres.copy(source)
        took = time.perf_counter() - started
        print(
            f"copied {rows} rows from {_shown(source)}, each compared, in {took:.0f} s"
        )
        from django.db import connection

        connection.close()
        partial = target.with_suffix(".building")
        with partial.open("wb") as out:  # the cluster's owner may not write here
            _pg("pg_dump", url, "-Fc", stdout=out)
        partial.rename(target)


def restore_postgres(url: str, dump: Path) -> None:
    """Load a cached authority into a throwaway cluster's empty database."""
    with dump.open("rb") as archive:
        _pg("pg_restore", url, "--no-owner", stdin=archive)


def _pg(tool: str, url: str, *extra: str, **streams: Any) -> None:
    from tests.pgcluster import _as_cluster_owner, _bin

    parts = urlparse(url)
    host = parse_qs(parts.query)["host"][0]
    database = parts.path.lstrip("/")
    command = [_bin(tool), "-h", host, "-U", parts.username or "", "-d", database]
    subprocess.run(_as_cluster_owner([*command, *extra]), check=True, **streams)


def ensure(args: argparse.Namespace) -> Path:
    """The cached authority for these arguments, built first if missing."""
    target = cached_path(args)
    if target.exists():
        print(f"authority: reused {_shown(target)}")
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if args.database == "sqlite":
        build_sqlite(args, target)
    else:
        build_postgres(args, target)
    took = time.perf_counter() - started
    print(f"authority: built {_shown(target)} in {took:.0f} s")
    return target


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    started = time.perf_counter()
    ensure(args)
    print(f"authority ready in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
