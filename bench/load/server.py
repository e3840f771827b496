"""Haven served as `make run` serves it, on a copy of the large authority.

gunicorn with two workers (the machine's two cores), the production settings
over plain HTTP with no authenticator app asked for, as the demo runs; the
database a copy of the cached SQLite file, or the cached dump restored into a
throwaway PostgreSQL cluster. Static files are not served: the load test asks
for pages only.
"""

import argparse
import contextlib
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.authority import ROOT, restore_postgres

# The key the cached authority's journal was sealed with: bench.authority builds
# it with the tests' settings, and a note appended here continues that chain.
JOURNAL_KEY = "test-journal-key-not-secret"


@contextlib.contextmanager
def database(args: argparse.Namespace, built: Path, scratch: Path) -> Iterator[str]:
    """The URL of a database holding the cached authority, thrown away after."""
    if args.database == "postgres":
        from tests.pgcluster import cluster

        with cluster(durable=True) as url:
            restore_postgres(url, built)
            yield url
        return
    # A copy: the load test's notes and contacts must not change the cache.
    working = scratch / "load.sqlite3"
    shutil.copyfile(built, working)
    yield f"sqlite:///{working}"


def environment(database_url: str, scratch: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "haven.settings",
        "HAVEN_DATABASE_URL": database_url,
        "HAVEN_HTTPS": "false",
        "HAVEN_REQUIRE_MFA": "false",
        "HAVEN_DEBUG": "false",
        "HAVEN_SECRET_KEY": "bench-load-key-not-secret",
        "HAVEN_JOURNAL_KEY": JOURNAL_KEY,
        "HAVEN_JOURNAL_CHECKPOINT_DIR": str(scratch / "checkpoints"),
        "HAVEN_ALLOWED_HOSTS": "127.0.0.1",
    }


def prepare_world(env: dict[str, str], out: Path) -> None:
    """Who signs in and works on what (bench/load/world.py), read from the
    copy with the server's own settings."""
    subprocess.run(
        [sys.executable, "-m", "bench.load.world", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
    )


@contextlib.contextmanager
def gunicorn(env: dict[str, str], scratch: Path, workers: int) -> Iterator[str]:
    """The server's base URL while it runs."""
    port = _free_port()
    log_path = scratch / "gunicorn.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "haven.wsgi"),
                *("--bind", f"127.0.0.1:{port}", "--workers", str(workers)),
                "--no-control-socket",  # not the shared one in the home directory
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(process, port, log_path)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()  # gunicorn stops its workers on SIGTERM
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    logged = log_path.read_text()
    if "Traceback" in logged:
        print(f"the server logged errors; the end of its log:\n{logged[-4000:]}")


def _wait_until_up(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/sign-in/")
            if conn.getresponse().status == 200:
                return
        time.sleep(0.2)
    raise SystemExit(f"the server did not start:\n{log.read_text()[-3000:]}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def scratch_directory() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="haven-load-") as name:
        yield Path(name)
