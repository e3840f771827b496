"""`make bench`: time the pages people wait for, against the large authority.

    python -m bench.run [--children 1000] [--years 5] [--seed 1]
        [--database sqlite|postgres] [--repeat 15]

The authority is the cached one bench.authority builds for the same arguments
(built first if missing). Each page is requested through the Django test client
(server time, no network): the median and 95th percentile of `--repeat`
requests after one to warm caches, and the queries one request makes.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from django.db.models import Count

from bench.authority import ROOT, cached_path, parser, restore_postgres

ARGUMENTS = ("children", "years", "seed", "database", "today", "cache_dir")


def _setup(database_url: str) -> None:
    os.environ["HAVEN_DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROOT))
    import django

    # The benchmark serves no static files.
    warnings.filterwarnings("ignore", "No directory at")
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _built(args: argparse.Namespace) -> Path:
    """The cached authority's file, built by bench.authority if missing (in its
    own process: Django is set up once a process, for one database)."""
    argv = [f"--{n.replace('_', '-')}={getattr(args, n)}" for n in ARGUMENTS]
    subprocess.run([sys.executable, "-m", "bench.authority", *argv], check=True)
    return cached_path(args)


def _time(label: str, client: Any, url: str, query: dict, repeat: int) -> None:
    from django.db import connection

    def get() -> Any:
        return client.get(url, query)

    # Counted by a wrapper: the request's start resets Django's query log.
    queries: list[str] = []

    def count(execute: Any, sql: str, *args: Any) -> Any:
        queries.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(count):
        response = get()  # warms caches, as a server in use would be
    assert response.status_code == 200, (label, response.status_code)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        get()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[max(0, round(len(samples) * 0.95) - 1)]
    print(
        f"{label:52} median {statistics.median(samples):7.1f} ms   "
        f"p95 {p95:7.1f} ms   {len(queries):4} queries"
    )


def _as_a_server_would() -> None:
    """The planner's statistics a running server's database has: PRAGMA
    optimize on SQLite (as a connection closes after a request), autovacuum's
    ANALYZE on PostgreSQL."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE" if connection.vendor == "postgresql" else "PRAGMA optimize"
        )
    connection.close()


def _worker_and_child() -> tuple[Any, Any]:
    """The demo's social worker (or, in a tiny authority where she has no
    children, another) and her child with the longest history."""
    from haven.core.models import Allocation, JournalEvent
    from haven.people.models import Person

    open_cases = Allocation.objects.filter(
        ended_on=None, worker__groups__name="Social worker"
    )
    theirs = open_cases.filter(worker__username="social-worker")
    cases = theirs if theirs.exists() else open_cases
    busiest = (
        JournalEvent.objects.filter(person__in=cases.values("person"))
        .values("person")
        .annotate(events=Count("pk"))
        .order_by("-events", "person")
        .first()
    )
    assert busiest is not None, "no social worker has children"
    child = Person.objects.get(pk=busiest["person"])
    worker = cases.select_related("worker").filter(person=child).first().worker  # type: ignore[union-attr]
    print(f"{worker.username}'s child {child.pk}: {busiest['events']} journal events")
    return worker, child


def measure(repeat: int) -> None:
    from django.test import Client

    from haven.core.models import JournalEvent, User
    from haven.people.models import Person

    _as_a_server_would()
    people, events = Person.objects.count(), JournalEvent.objects.count()
    staff = User.objects.count()
    print(f"authority: {people} persons, {events} journal events, {staff} staff")
    worker, child = _worker_and_child()
    manager = worker.team.managers.get()  # type: ignore[union-attr]
    service_manager = User.objects.get(username="service-manager")
    front_door = User.objects.get(username="team-manager")
    clients = {}
    for user in (worker, manager, service_manager, front_door):
        clients[user] = Client(SERVER_NAME="localhost")
        clients[user].force_login(user)
    pages = (
        ("a child's page", f"/people/{child.pk}/", {}, (worker, service_manager)),
        (
            "chronology",
            f"/people/{child.pk}/chronology/",
            {},
            (worker, service_manager),
        ),
        (
            "search by family name",
            "/people/",
            {"name": child.family_name},
            (worker, service_manager),
        ),
        ("My work", "/work/", {}, (worker,)),
        ("team work", "/work/team/", {}, (manager, service_manager)),
        ("front-door queue", "/front-door/", {}, (front_door, service_manager)),
    )
    for label, url, query, users in pages:
        for user in users:
            _time(f"{label} ({user.username})", clients[user], url, query, repeat)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the benchmark process: {peak:.0f} MiB")


def main() -> None:
    parse = parser()
    parse.add_argument("--repeat", type=int, default=15)
    args = parse.parse_args()
    built = _built(args)
    print(f"== {args.database}: {args.children} children over {args.years} years ==")
    if args.database == "postgres":
        from tests.pgcluster import cluster

        with cluster() as url:
            restore_postgres(url, built)
            _setup(url)
            measure(args.repeat)
    else:
        # A copy: the benchmark's sessions must not change the cached authority.
        working = built.parent / "run.sqlite3"
        for stale in built.parent.glob("run.sqlite3*"):
            stale.unlink()
        shutil.copyfile(built, working)
        _setup(f"sqlite:///{working}")
        measure(args.repeat)


if __name__ == "__main__":
    main()
