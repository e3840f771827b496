"""Kill -9 the server while staff are recording notes: every note it
acknowledged is on the record exactly once, and the journal verifies.

A real server (gunicorn, two workers, as `make run` serves) runs against its own
file-based SQLite database (WAL, synchronous=FULL) or, when the suite runs on
PostgreSQL, its own database in the same cluster. Writer threads sign in through
the sign-in page and post case notes, each with its own one-time submission
token; the server's whole process group is killed three times mid-stream and
restarted. A note whose post got no answer is posted again with the same token
once the server is back, as a browser retrying would: it must be recorded once,
whether or not the killed server had committed it.
"""

import contextlib
import datetime as dt
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.db import connection

from tests.core.crash_world import PASSWORD, SUBJECT

ROOT = Path(settings.BASE_DIR)
WRITERS = 4
KILLS = 3
# Acknowledged notes to wait for between one start of the server and its kill.
BETWEEN_KILLS = 6
KEY = "crash-test-key-not-secret"


@pytest.fixture
def database_url(
    django_db_setup: None, django_db_blocker, tmp_path: Path
) -> Iterator[str]:
    """An empty database for the server, apart from the test database."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            yield f"sqlite:///{tmp_path / 'haven.sqlite3'}"
            return
        name = f"{connection.settings_dict['NAME']}_crash"
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            cursor.execute(f"CREATE DATABASE {name}")
        try:
            yield postgres_url(connection.settings_dict, name)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def postgres_url(settings_dict: dict[str, Any], name: str) -> str:
    """The test database's connection, to another database in its cluster."""
    # A socket directory given in the URL's query is kept among the OPTIONS.
    host = settings_dict["HOST"] or settings_dict["OPTIONS"].get("host", "")
    port = settings_dict["PORT"] or ""
    login = quote(settings_dict["USER"] or "")
    if settings_dict["PASSWORD"]:
        login += ":" + quote(settings_dict["PASSWORD"])
    if host.startswith("/"):  # a Unix socket's directory
        return f"postgres://{login}@/{name}?host={quote(host)}"
    return f"postgres://{login}@{host}{':' + str(port) if port else ''}/{name}"


class Server:
    """Haven under gunicorn in its own process group, so kill -9 takes the
    master and its workers at once, as a crash of the machine's process would."""

    def __init__(self, url: str, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "haven.settings",
            "HAVEN_DATABASE_URL": url,
            "HAVEN_HTTPS": "false",
            "HAVEN_DEBUG": "false",
            "HAVEN_SECRET_KEY": KEY,
            "HAVEN_JOURNAL_KEY": KEY,
            "HAVEN_JOURNAL_CHECKPOINT_DIR": str(tmp_path / "checkpoints"),
            "HAVEN_REQUIRE_MFA": "false",
            "HAVEN_ALLOWED_HOSTS": "127.0.0.1",
        }
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def start(self) -> None:
        self.starts += 1
        log = open(self.tmp_path / f"gunicorn-{self.starts}.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "haven.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                # Not the shared one in the home directory: servers killed -9
                # would leave it behind for the next.
                "--no-control-socket",
                # Django loads once, before the workers fork: a quicker restart.
                "--preload",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log()
            with contextlib.suppress(OSError, http.client.HTTPException):
                if Browser(self.port).get("/sign-in/")[0] == 200:
                    return
            time.sleep(0.1)
        raise AssertionError(f"the server did not start:\n{self.log()}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None

    def log(self) -> str:
        return (self.tmp_path / f"gunicorn-{self.starts}.log").read_text()[-3000:]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Browser:
    """Just enough of a browser: cookies, a form's CSRF token, no redirects."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def get(self, path: str) -> tuple[int, str]:
        return self._send("GET", path, None)

    def post(self, path: str, form: dict[str, object]) -> tuple[int, str]:
        # Django checks the form's token against the cookie's secret.
        form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self._send("POST", path, urlencode(form, doseq=True))

    def _send(self, method: str, path: str, body: str | None) -> tuple[int, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            text = response.read().decode()
        finally:
            conn.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        return response.status, response.headers.get("Location", "") or text

    def sign_in(self, username: str) -> None:
        self.get("/sign-in/")
        status, where = self.post(
            "/sign-in/", {"username": username, "password": PASSWORD}
        )
        assert status == 302 and "sessionid" in self.cookies, where[-2000:]


class Writer(threading.Thread):
    """A worker recording notes on their child as fast as the server answers.

    A note is acknowledged when the server redirects after it. A post that got
    no answer (the server was killed, or is down) is sent again, same token,
    until it is answered.
    """

    def __init__(self, browser: Browser, username: str, child: int) -> None:
        super().__init__(daemon=True)
        self.browser, self.username, self.child = browser, username, child
        self.acknowledged: list[str] = []
        self.path = f"/casework/people/{child}/notes/new/"
        self.retried = 0
        self.cut_off = 0  # posts the server took in, then died without answering
        self.committed_before_kill = 0  # of those, how many it had recorded
        self.stop = threading.Event()  # finish the note in hand, then stop
        self.halt = threading.Event()  # stop now: the test is over
        self.error = ""

    def note(self, number: int) -> dict[str, object]:
        at = dt.datetime.now() - dt.timedelta(hours=1)
        return {
            "person": self.child,
            "submission": str(uuid.uuid4()),
            "children": [self.child],
            "kind": "visit",
            "statutory_visit": "yes",
            "visit_place": "home",
            "announced": "yes",
            "bedroom_seen": "yes",
            "occurred_on_day": at.day,
            "occurred_on_month": at.month,
            "occurred_on_year": at.year,
            "occurred_time": at.strftime("%H:%M"),
            f"seen_{self.child}": "yes",
            f"alone_{self.child}": "yes",
            "subject": f"{SUBJECT}{self.username} {number}",
            "body": "Seen at home; talked about school.",
        }

    def run(self) -> None:
        try:
            self.write()
        except BaseException as error:  # reported by the test, not lost here
            self.error = f"{self.username}: {error!r}"

    def write(self) -> None:
        if not self.signed_in():
            return
        pending, cut_off = None, False
        while not self.error and not self.halt.is_set():
            if pending is None:
                if self.stop.is_set():
                    return
                pending, cut_off = self.note(len(self.acknowledged)), False
            try:
                status, where = self.browser.post(self.path, pending)
            except ConnectionRefusedError:  # the server is down: try again
                self.retried += 1
                time.sleep(0.1)
                continue
            except (OSError, http.client.HTTPException):
                self.cut_off += 1
                self.retried += 1
                cut_off = True
                continue
            # Recorded: sent on to the child's notes, not back to sign in.
            if status != 302 or where != f"/casework/people/{self.child}/":
                self.error = f"{self.username}: {status} {where[-2000:]}"
                return
            self.acknowledged.append(str(pending["subject"]))
            if cut_off and self.was_already_recorded(where):
                self.committed_before_kill += 1
            pending = None

    def signed_in(self) -> bool:
        while not self.halt.is_set():
            try:
                self.browser.sign_in(self.username)
                return True
            except (OSError, http.client.HTTPException):  # killed meanwhile
                time.sleep(0.1)
            except AssertionError as refused:
                self.error = f"{self.username} could not sign in: {refused}"
                return False
        return False

    def was_already_recorded(self, where: str) -> bool:
        """Whether the page the server sent us on to says this was a repeat
        (the killed server had committed the note before dying)."""
        with contextlib.suppress(OSError, http.client.HTTPException):
            return "This note was already recorded" in self.browser.get(where)[1]
        return False


def wait_for(writers: list[Writer], more: int) -> None:
    """Until `more` notes are acknowledged, and at least one from every writer:
    a writer still signing in (the production hasher is slow) would otherwise
    be killed mid-sign-in at every restart while the others write, and the
    kills would all land before it wrote anything."""
    target = sum(len(w.acknowledged) for w in writers) + more
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        errors = [w.error for w in writers if w.error]
        assert not errors, errors
        written = sum(len(w.acknowledged) for w in writers)
        if written >= target and all(w.acknowledged for w in writers):
            return
        time.sleep(0.01)
    raise AssertionError("the writers made no progress")


def test_every_acknowledged_note_survives_kill_9_exactly_once(
    database_url: str, tmp_path: Path
) -> None:
    began = time.monotonic()
    server = Server(database_url, tmp_path)
    server.manage("migrate", "--noinput")
    seeded = json.loads(
        server.manage(
            "shell",
            "-c",
            f"from tests.core.crash_world import seed; seed({WRITERS})",
        ).splitlines()[-1]
    )
    writers: list[Writer] = []
    try:
        server.start()
        writers = [
            Writer(Browser(server.port), username, child)
            for username, child in seeded.items()
        ]
        for writer in writers:
            writer.start()
        for _ in range(KILLS):
            wait_for(writers, BETWEEN_KILLS)
            server.kill()  # mid-stream: the writers are posting
            time.sleep(0.2)
            server.start()
        wait_for(writers, BETWEEN_KILLS)
        for writer in writers:
            writer.stop.set()
        for writer in writers:
            writer.join(timeout=30)
        assert not any(w.is_alive() for w in writers), "a writer is stuck"
        errors = [w.error for w in writers if w.error]
        assert not errors, errors
        assert all(w.acknowledged for w in writers), "a writer wrote nothing"
    finally:
        for writer in writers:
            writer.halt.set()
        server.kill()

    found = json.loads(
        server.manage(
            "shell", "-c", "from tests.core.crash_world import report; report()"
        ).splitlines()[-1]
    )
    acknowledged = [subject for w in writers for subject in w.acknowledged]
    lost = [s for s in acknowledged if s not in found["notes"]]
    twice = {s: n for s, n in found["notes"].items() if n != 1}
    never_acknowledged = set(found["notes"]) - set(acknowledged)
    print(
        f"\n{connection.vendor}: {len(acknowledged)} notes acknowledged, "
        f"{KILLS} kills, {sum(w.cut_off for w in writers)} posts cut off "
        f"mid-request ({sum(w.committed_before_kill for w in writers)} of them "
        "committed before the kill), "
        f"{sum(w.retried for w in writers)} posts retried, "
        f"{len(lost)} lost, {len(twice)} recorded more than once "
        f"({time.monotonic() - began:.0f}s)"
    )
    assert not lost, f"acknowledged but lost: {lost}"
    assert not twice, f"recorded more than once: {twice}"
    assert not never_acknowledged, f"recorded, never acknowledged: {never_acknowledged}"
    assert found["events"] == found["notes"], "notes and their journal events differ"
    assert "All journal chains intact" in found["verified"], found["verified"]
