"""The whereabouts board alone, against the large authority: what `make bench`
measures of it (bench/run.py), without the rest of the run, and its profile.

    python -m bench.board [--children 5000] [--years 5] [--repeat 20]
        [--profile today|past] [--as worker|manager]

The authority is the cached one bench.authority builds for the same arguments
(built first if missing), copied so that nothing the pages write stays. With
`--profile`, the board's request is run under cProfile after the timings and
the heaviest functions printed (cumulative, then own time).
"""

import cProfile
import pstats
import shutil
from typing import Any

from bench import domain_pages
from bench.authority import parser
from bench.budgets import SERVICE_MANAGER, Figure, summary
from bench.run import _as_a_server_would, _built, _page, _setup


def _profile(client: Any, page: domain_pages.Page, repeat: int) -> None:
    client.get(page.url, page.query)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(repeat):
        client.get(page.url, page.query)
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(45)
    stats.sort_stats("tottime").print_stats(30)


def main() -> None:
    parse = parser()
    parse.add_argument("--repeat", type=int, default=20)
    parse.add_argument("--profile", choices=["today", "past"])
    parse.add_argument("--as", dest="who", choices=["worker", "manager"])
    args = parse.parse_args()
    args.database = "sqlite"
    built = _built(args)
    working = built.parent / "board.sqlite3"
    for stale in built.parent.glob("board.sqlite3*"):
        stale.unlink()
    shutil.copyfile(built, working)
    _setup(f"sqlite:///{working}")
    from django.test import Client

    from haven.care.whereabouts import in_care_on
    from haven.core import clock
    from haven.core.models import User

    _as_a_server_would()
    service_manager = User.objects.get(username="service-manager")
    print(f"{len(in_care_on(clock.today()))} children in care today")
    figures: list[Figure] = []
    for page in domain_pages._board(service_manager):
        past = page.kind != "board"
        if args.profile and args.profile != ("past" if past else "today"):
            continue
        for user, audience in page.users:
            manager = audience == SERVICE_MANAGER
            if args.who and args.who != ("manager" if manager else "worker"):
                continue
            client = Client(SERVER_NAME="localhost")
            client.force_login(user)
            label = f"{page.label} ({user.username})"
            if args.profile:
                print(f"== profile: {label} ==")
                _profile(client, page, args.repeat)
                continue
            figures.append(
                _page(
                    label,
                    audience,
                    client,
                    page.url,
                    page.query,
                    args.repeat,
                    page.kind,
                )
            )
    if figures:
        print(summary(figures, f"sqlite: {args.children} children, the board"))


if __name__ == "__main__":
    main()
