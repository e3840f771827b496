"""`make bench`: build a synthetic large authority and time what users wait for.

    python -m bench.run [--persons 50000] [--database sqlite|postgres]

Figures are server time (the Django test client, no network), the median and
95th percentile of repeated requests, and the process's peak memory.
"""

import argparse
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup(database_url: str) -> None:
    os.environ["HAVEN_DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from haven.core.models import DemoDatabase

    if not DemoDatabase.objects.exists():
        call_command("seed_demo", children=50, seed=1, verbosity=0)


def _time(label: str, func: Callable[[], object], repeat: int = 30) -> None:
    func()  # warm caches, as a server in use would be
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    print(f"{label:60} median {statistics.median(samples):7.1f} ms   p95 {p95:7.1f} ms")


def _as_a_server_would(user: object) -> None:
    """Give the planner the statistics a running server's database has: on
    SQLite, PRAGMA optimize as a connection closes after a request
    (haven/core/db/sqlite3/base.py); on PostgreSQL, autovacuum's ANALYZE."""
    from django.db import connection

    from haven.people import selectors

    selectors.search(user, name="Smith")  # type: ignore[arg-type]
    list(selectors.people_visible_to(user)[:50])  # type: ignore[arg-type]
    if connection.vendor == "postgresql":
        # What autovacuum does after a bulk load; a cluster measured seconds after
        # loading has not had its turn yet.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    connection.close()


def measure(persons: int) -> None:
    from django.test import Client

    from bench import authority, workqueue
    from haven.core.models import User
    from haven.people import selectors
    from haven.people.models import Person

    start = time.perf_counter()
    authority.build(persons)
    workqueue.build()
    _as_a_server_would(User.objects.get(username="service-manager"))
    print(
        f"authority: {Person.objects.count()} persons "
        f"(built or checked in {time.perf_counter() - start:.0f} s)"
    )
    manager = User.objects.get(username="service-manager")
    worker = User.objects.get(username="social-worker")
    client = Client(SERVER_NAME="localhost")
    client.force_login(manager)
    sample = Person.objects.filter(kind="child").order_by("pk")[1234]
    misspelt = sample.family_name[:-1] + "e"
    _time(
        "search selector: family name (service manager)",
        lambda: selectors.search(manager, name=sample.family_name),
    )
    _time(
        "search selector: misspelt full name (service manager)",
        lambda: selectors.search(manager, name=f"{sample.given_name} {misspelt}"),
    )
    _time(
        "search selector: date of birth (social worker)",
        lambda: selectors.search(worker, date_of_birth=sample.date_of_birth),
    )
    _time(
        "search page: name (service manager)",
        lambda: client.get("/people/", {"name": sample.family_name}),
    )
    _time(
        "search page: no criteria, first page (service manager)",
        lambda: client.get("/people/"),
    )
    measure_work_queues()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the benchmark process: {peak:.0f} MiB")


def measure_work_queues() -> None:
    from django.test import Client

    from bench import workqueue
    from haven.timescales.models import Obligation

    worker, manager = workqueue.build()
    print(f"work queues: {Obligation.objects.count()} obligations in the authority")
    as_worker = Client(SERVER_NAME="localhost")
    as_worker.force_login(worker)
    as_manager = Client(SERVER_NAME="localhost")
    as_manager.force_login(manager)
    _time("My work page: worker with 30 children", lambda: as_worker.get("/work/"))
    _time(
        "Team work page: manager with 300 children",
        lambda: as_manager.get("/work/team/"),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    if args.database == "postgres":
        from tests.pgcluster import cluster

        with cluster() as url:
            _setup(url)
            measure(args.persons)
    else:
        (ROOT / "var").mkdir(exist_ok=True)
        _setup(f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
        measure(args.persons)


if __name__ == "__main__":
    main()
