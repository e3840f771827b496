"""Time signing in as a person does: the form's POST, then the home page it
redirects to, with the production settings (and so the production hasher).

    python -m bench.sign_in [--repeat 10]

Builds a small demo authority in a throwaway SQLite database (the production
engine and PRAGMAs), then prints the median of each step, the queries each step
runs, and how long one password check takes on its own, so what is left over is
what Haven adds to the hasher.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup(directory: str) -> None:
    os.environ["HAVEN_DATABASE_URL"] = f"sqlite:///{directory}/haven.sqlite3"
    os.environ["HAVEN_HTTPS"] = "false"  # the test client speaks plain HTTP
    # The demo logins have no authenticator app: time the password step alone.
    os.environ["HAVEN_REQUIRE_MFA"] = "false"
    os.environ["HAVEN_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "haven.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", children=30, seed=1, verbosity=0)


def _median_ms(func: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process, in ms. On a shared
    machine the wall time swings with other load; the CPU time is what the
    request itself costs."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument(
        "--username",
        action="append",
        help="a demo login (default: social-worker, team-manager, administrator)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        _setup(directory)
        for username in args.username or [
            "social-worker",
            "team-manager",
            "administrator",
        ]:
            print(f"\n{username}")
            _measure(username, args.repeat)


def _measure(username: str, repeat: int) -> None:
    from django.conf import settings
    from django.contrib.auth.hashers import check_password
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from haven.core.models import User
    from haven.demo.staff import DEMO_PASSWORD

    user = User.objects.get(username=username)
    credentials = {"username": username, "password": DEMO_PASSWORD}
    print(f"  hasher: {settings.PASSWORD_HASHERS[0]}")
    hashing = _median_ms(lambda: check_password(DEMO_PASSWORD, user.password), repeat)
    print(f"  {'':40} {'wall':>10} {'CPU':>10}")
    print(f"  {'one password check':40} {hashing[0]:7.1f} ms {hashing[1]:7.1f} ms")

    def post() -> object:
        client = Client()
        with CaptureQueriesContext(connection) as queries:
            response = client.post("/sign-in/", credentials)
        assert response.status_code == 302, response.status_code
        post.queries = len(queries)  # type: ignore[attr-defined]
        return client

    signed_in = Client()
    signed_in.post("/sign-in/", credentials)

    def home() -> None:
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get("/").status_code == 200
        home.queries = len(queries)  # type: ignore[attr-defined]

    def both() -> None:
        client = Client()
        response = client.post("/sign-in/", credentials, follow=True)
        assert response.status_code == 200

    post()  # warm
    home()
    steps = (
        ("POST /sign-in/", post),
        ("GET / (the redirect)", home),
        ("sign in, following the redirect", both),
    )
    for label, func in steps:
        wall, cpu = _median_ms(func, repeat)
        queries = getattr(func, "queries", "")
        extra = f"   {queries} queries" if queries != "" else ""
        print(f"  {label:40} {wall:7.1f} ms {cpu:7.1f} ms{extra}")
    print(f"  {'CPU beyond the password check':40} {'':10} {cpu - hashing[1]:7.1f} ms")


if __name__ == "__main__":
    main()
