"""`make bench`: time what people wait for, against the large authority, and
hold each figure to its budget (bench/budgets.py).

    python -m bench.run [--children 1000] [--years 5] [--seed 1]
        [--database sqlite|postgres] [--repeat 20] [--access-repeat 100]
        [--cache-dir var/bench] [--only STEP ...]

The authority is the cached one bench.authority builds for the same arguments
(built first if missing). Each page is requested through the Django test client
(server time, no network): the median and 95th percentile of `--repeat`
requests after two to warm caches, the queries one request makes, and the
page's floor, its own SQL replayed through a raw cursor (bench/floors.py).
Then the access checks (bench/access.py) and the service writes
(bench/writes.py). A summary table ends the run; the exit status is 1 if any
figure is over its budget. `--only` runs only the steps named (pages,
reporting, access, writes, payments, returns), or the pages whose label holds a name
given ("team work"): for measuring one change.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from django.db.models import Count

from bench import day_pages, domain_pages, finance_pages, floors, reporting_pages
from bench.authority import ROOT, cached_path, parser, restore_postgres
from bench.budgets import (
    SERVICE_MANAGER,
    WORKER,
    Figure,
    exit_status,
    summary,
    timing,
)

ARGUMENTS = ("children", "years", "seed", "database", "today", "cache_dir")


def _setup(database_url: str) -> None:
    os.environ["HAVEN_DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    # Time what serves: the suite's check of shared access rules is not.
    os.environ.setdefault("HAVEN_CHECK_SHARED_ACCESS_RULES", "false")
    # The demo authority's area, so the board places children in and out of it.
    os.environ.setdefault("HAVEN_AREA_CODES", "E08000034")
    sys.path.insert(0, str(ROOT))
    import django

    # The benchmark serves no static files.
    warnings.filterwarnings("ignore", "No directory at")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # The access checks' refusals make bursts that email the lead: in memory.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    call_command("migrate", verbosity=0)
    # As the server's workers do once loaded (haven/wsgi.py).
    from haven.core.collector import settle

    settle()


def _built(args: argparse.Namespace) -> Path:
    """The cached authority's file, built by bench.authority if missing (in its
    own process: Django is set up once a process, for one database)."""
    argv = [f"--{n.replace('_', '-')}={getattr(args, n)}" for n in ARGUMENTS]
    subprocess.run([sys.executable, "-m", "bench.authority", *argv], check=True)
    return cached_path(args)


def _page(
    label: str,
    audience: str,
    client: Any,
    url: str,
    query: dict,
    repeat: int,
    kind: str = "page",
) -> Figure:
    """A page's server time and its floor, alternately, so both see the same
    load from the rest of the machine."""
    from django.db import connection

    def get() -> Any:
        response = client.get(url, query)
        assert response.status_code == 200, (label, response.status_code)
        return response

    get()  # warms caches, as a server in use would have them warm
    # A request after the first: what the timed ones run. (Captured by a
    # wrapper: the request's start resets Django's query log.)
    with floors.capturing() as statements:
        get()
    floors.replay(statements)  # and the database's own caches
    samples, floor = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        get()
        samples.append((time.perf_counter() - start) * 1000)
        floor.append(floors.replay_ms(statements))
    figure = Figure(
        label,
        kind,
        audience,
        timing(samples),
        len(statements),
        timing(floor),
        connection.vendor,
    )
    print(
        f"{label:52} median {figure.time.median:7.1f} ms   "
        f"p95 {figure.time.p95:7.1f} ms   {len(statements):4} queries   "
        f"floor {figure.floor.median:6.2f} / {figure.floor.p95:6.2f} ms"  # type: ignore[union-attr]
    )
    return figure


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
    assert worker is not None
    print(f"{worker.username}'s child {child.pk}: {busiest['events']} journal events")
    return worker, child


STEPS = ("pages", "reporting", "access", "writes", "payments", "returns")


def _wanted(only: list[str] | None, step: str, label: str = "") -> bool:
    """Whether `--only` asks for this step (or, for a page, its label)."""
    if not only or step in only:
        return True
    return bool(label) and any(name not in STEPS and name in label for name in only)


def measure(
    repeat: int, access_repeat: int, only: list[str] | None = None
) -> list[Figure]:
    """Every figure for this database (or those `--only` names): the pages,
    the access checks, then the writes (last: they change what the pages
    would show)."""
    from bench import access, payment_run, returns, writes
    from haven.core.models import JournalEvent, User
    from haven.people.models import Person

    _as_a_server_would()
    people, events = Person.objects.count(), JournalEvent.objects.count()
    staff = User.objects.count()
    print(f"authority: {people} persons, {events} journal events, {staff} staff")
    worker, child = _worker_and_child()
    front_door = User.objects.get(username="team-manager")
    figures = _pages(worker, child, front_door, repeat, only)
    if _wanted(only, "access"):
        print(f"\naccess checks ({access_repeat} repeats)")
        figures += access.measure(access_repeat)
    if _wanted(only, "writes"):
        print("\nwrites")
        figures += writes.figures(worker, child, front_door, repeat)
    if _wanted(only, "payments"):
        print("\npayment runs")
        figures += payment_run.figures()
    if _wanted(only, "returns"):
        print("\nstatutory returns")
        figures += returns.figures()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the benchmark process: {peak:.0f} MiB")
    return figures


def _pages(
    worker: Any, child: Any, front_door: Any, repeat: int, only: list[str] | None
) -> list[Figure]:
    from django.test import Client

    from haven.core.models import User

    manager = worker.team.managers.get()
    service_manager = User.objects.get(username="service-manager")
    clients = {}
    for user in (worker, manager, service_manager, front_door):
        clients[user] = Client(SERVER_NAME="localhost")
        clients[user].force_login(user)
    pages: tuple[tuple[str, str, dict[str, str], tuple[Any, ...]], ...] = (
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
    figures = []
    for label, url, query, users in pages:
        for user in users:
            if not _wanted(only, "pages", f"{label} ({user.username})"):
                continue
            audience = SERVICE_MANAGER if user == service_manager else WORKER
            figures.append(
                _page(
                    f"{label} ({user.username})",
                    audience,
                    clients[user],
                    url,
                    query,
                    repeat,
                )
            )
    for page in [
        *domain_pages.pages(service_manager),
        *day_pages.pages(service_manager),
        *finance_pages.pages(service_manager),
    ]:
        for user, audience in page.users:
            if not _wanted(only, "pages", f"{page.label} ({user.username})"):
                continue
            figures.append(
                _page(
                    f"{page.label} ({user.username})",
                    audience,
                    _signed_in(clients, user),
                    page.url,
                    page.query,
                    repeat,
                    page.kind,
                )
            )
    if _wanted(only, "reporting"):
        figures += _reporting(service_manager, clients, repeat)
    return figures


def _reporting(
    service_manager: Any, clients: dict[Any, Any], repeat: int
) -> list[Figure]:
    """The dashboards' pages alone and each panel's first computation, then
    the dashboards with every panel kept (bench/reporting_pages.py)."""
    figures = reporting_pages.first_computations(
        service_manager, lambda user: _signed_in(clients, user), _page, repeat
    )
    for page in reporting_pages.pages(service_manager):
        for user, audience in page.users:
            client = _signed_in(clients, user)
            label = f"{page.label} ({user.username})"
            figures.append(
                _page(label, audience, client, page.url, page.query, repeat, page.kind)
            )
    return figures


def _signed_in(clients: dict[Any, Any], user: Any) -> Any:
    from django.test import Client

    if user not in clients:
        clients[user] = Client(SERVER_NAME="localhost")
        clients[user].force_login(user)
    return clients[user]


def main() -> None:
    parse = parser()
    parse.add_argument("--repeat", type=int, default=20)
    parse.add_argument("--access-repeat", type=int, default=100)
    parse.add_argument("--only", nargs="+", metavar="STEP")
    args = parse.parse_args()
    # The build (its own process) shares access rules as a server does.
    os.environ.setdefault("HAVEN_CHECK_SHARED_ACCESS_RULES", "false")
    built = _built(args)
    title = f"{args.database}: {args.children} children over {args.years} years"
    print(f"== {title} ==")
    if args.database == "postgres":
        from tests.pgcluster import cluster

        with cluster(durable=True) as url:
            restore_postgres(url, built)
            _setup(url)
            figures = measure(args.repeat, args.access_repeat, args.only)
    else:
        # A copy: the benchmark's sessions and writes must not change the
        # cached authority.
        working = built.parent / "run.sqlite3"
        for stale in built.parent.glob("run.sqlite3*"):
            stale.unlink()
        shutil.copyfile(built, working)
        _setup(f"sqlite:///{working}")
        figures = measure(args.repeat, args.access_repeat, args.only)
    print(summary(figures, title))
    sys.exit(exit_status(figures))


if __name__ == "__main__":
    main()
