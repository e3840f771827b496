"""The benchmark's large authority (bench/authority.py): a seed builds the same
authority, journal and all, and its cache is keyed by its arguments."""

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connections

from bench import authority, to_postgres
from haven.core.models import JournalEvent

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--children", "10", "--years", "1", "--seed", "3", "--today", "2026-11-02"]


def _counts_and_hashes(path: Path) -> tuple[dict[str, int], list[str]]:
    with sqlite3.connect(path) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        counts = {
            t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
        }
        hashes = [
            h for (h,) in db.execute("SELECT hash FROM core_journalevent ORDER BY id")
        ]
    return counts, hashes


def _build(cache: Path) -> Path:
    """Build into `cache` (which keeps the empty migrated schema between builds)."""
    run = subprocess.run(
        [sys.executable, "-m", "bench.authority", *ARGS, "--cache-dir", str(cache)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "authority: built" in run.stdout
    return next(cache.glob("authority-*.sqlite3"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small authority, built once for the module."""
    return _build(tmp_path_factory.mktemp("authority"))


def test_it_builds_the_same_authority_from_the_same_seed(built: Path) -> None:
    first = shutil.copyfile(built, built.with_name("first.db"))
    built.unlink()
    assert _build(built.parent) == built
    counts, hashes = _counts_and_hashes(first)
    assert counts["people_person"] > 10  # the children and their mothers
    assert len(hashes) > 50
    assert _counts_and_hashes(built) == (counts, hashes)


@pytest.fixture(scope="module")
def attached(built: Path, django_db_setup: None) -> Iterator[Path]:
    """The built authority as the copy's source database: after the suite's
    test databases are made (or one would be made of it too), before the
    test's database access is set up (which then allows it)."""
    to_postgres.attach(built)
    yield built
    connections[to_postgres.SOURCE].close()
    del connections[to_postgres.SOURCE]
    del connections.settings[to_postgres.SOURCE]


@pytest.mark.django_db(databases=["default", to_postgres.SOURCE])
def test_it_is_copied_row_for_row_and_compared(attached: Path) -> None:
    """How make bench puts the authority on PostgreSQL (on SQLite here, in the
    SQLite suite): every row, each compared; a database lacking them refused."""
    counts, hashes = _counts_and_hashes(attached)
    with pytest.raises(AssertionError, match="differs"):
        to_postgres.compare()
    assert to_postgres.copy(attached) == sum(
        n for table, n in counts.items() if table != "django_migrations"
    )
    stored = JournalEvent.objects.order_by("id").values_list("hash", flat=True)
    assert list(stored) == hashes


def test_a_second_run_reuses_the_cached_authority(tmp_path: Path) -> None:
    args = authority.parser().parse_args([*ARGS, "--cache-dir", str(tmp_path)])
    cached = authority.cached_path(args)
    cached.write_bytes(b"built before")
    assert authority.ensure(args) == cached
    assert cached.read_bytes() == b"built before"


def test_the_cache_key_changes_with_every_argument() -> None:
    base = authority.parser().parse_args(ARGS)
    changed = [
        ["--children", "11"],
        ["--years", "2"],
        ["--seed", "4"],
        ["--database", "postgres"],
        ["--today", "2026-11-03"],
    ]
    keys = {authority.cache_key(base)}
    for change in changed:
        keys.add(authority.cache_key(authority.parser().parse_args([*ARGS, *change])))
    assert len(keys) == 1 + len(changed)
    assert authority.cache_key(
        authority.parser().parse_args(ARGS)
    ) == authority.cache_key(base)
