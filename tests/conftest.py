"""Personas and helpers every test can use."""

import datetime as dt
import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone
from hypothesis import settings as hypothesis_settings

from haven.core import clock
from haven.core.models import Team, User
from haven.core.roles import ROLES_BY_KEY
from tests import demo_authority as shared_demo

# Examples run against a real database, on a machine that runs the SQLite and
# PostgreSQL suites side by side: a per-example time limit would only measure
# the machine's load, so there is none (speed lives in `make bench`).
hypothesis_settings.register_profile("haven", deadline=None)
hypothesis_settings.load_profile("haven")


def pytest_report_header() -> list[str]:
    vendor = connection.vendor
    return [f"database: {vendor} ({connection.settings_dict['NAME']})"]


@pytest.fixture(scope="session", autouse=True)
def one_day_from_noon() -> Iterator[None]:
    """The whole run happens on one day, its clock starting at noon and running
    on in real time. Fixtures seeded before midnight and tests run after it
    would see 'today' change under them (CI may start at any hour), and an hour
    after midnight is also 'yesterday' for a test recording 'an hour ago'.
    Tests about the time of day hold the clock themselves (`freezer`).
    HAVEN_TEST_TODAY=YYYY-MM-DD runs the suite as if it were that day."""
    wanted = os.environ.get("HAVEN_TEST_TODAY")
    day = dt.date.fromisoformat(wanted) if wanted else timezone.localdate()
    offset = clock.start_of(day) + dt.timedelta(hours=12) - timezone.now()

    def now() -> dt.datetime:
        return timezone.now() + offset

    def today() -> dt.date:
        return timezone.localdate(now())

    real_now, real_today = clock.now, clock.today
    clock.now, clock.today = now, today  # type: ignore[assignment]
    yield
    clock.now, clock.today = real_now, real_today  # type: ignore[assignment]


def make_user(username: str, role_key: str, team: Team | None = None) -> User:
    user = User.objects.create_user(
        username=username,
        password="correct horse battery staple",
        first_name=username.title(),
        last_name="Tester",
        team=team,
    )
    user.groups.add(Group.objects.get(name=ROLES_BY_KEY[role_key].name))
    return user


@pytest.fixture
def service(db: None) -> Team:
    return Team.objects.create(name="Children's Social Care", kind=Team.Kind.SERVICE)


@pytest.fixture
def team(service: Team) -> Team:
    return Team.objects.create(name="Assessment Team", parent=service)


@pytest.fixture
def other_team(service: Team) -> Team:
    return Team.objects.create(name="Children in Care Team", parent=service)


@pytest.fixture
def alice(team: Team) -> User:
    """A social worker in the assessment team."""
    return make_user("alice", "social_worker", team)


@pytest.fixture
def mona(team: Team) -> User:
    """Alice's team manager."""
    manager = make_user("mona", "team_manager", team)
    team.managers.add(manager)
    return manager


@pytest.fixture
def bob(other_team: Team) -> User:
    """A social worker in another team, who must be refused Alice's children."""
    return make_user("bob", "social_worker", other_team)


@pytest.fixture
def fiona(db: None) -> User:
    """A finance officer."""
    return make_user("fiona", "finance_officer")


@pytest.fixture
def adam(db: None) -> User:
    """A system administrator: manages staff, never reads case records."""
    return make_user("adam", "administrator")


@pytest.fixture
def rules_unchecked(settings: Any) -> None:
    """For a sweep of many requests that changes no fact about any user between
    them: reusing a user's access rules needs no check against a fresh build
    (haven.core.shared_rules), which cost each request a third of its time.
    The tests that change those facts keep the check."""
    settings.HAVEN_CHECK_SHARED_ACCESS_RULES = False


class FrozenClock:
    """Haven's clock held still; `move_to` moves it by a timedelta."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def move_to(self, delta: dt.timedelta) -> None:
        self.at += delta


@pytest.fixture
def freezer(monkeypatch: pytest.MonkeyPatch) -> FrozenClock:
    frozen = FrozenClock(clock.now())
    monkeypatch.setattr(clock, "now", lambda: frozen.at)
    monkeypatch.setattr(clock, "today", lambda: timezone.localdate(frozen.at))
    return frozen


@pytest.fixture
def media(settings, tmp_path):
    """Documents kept in a temporary MEDIA_ROOT of the test's own."""
    root = tmp_path / "media"
    settings.MEDIA_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(root)},
        },
    }
    return root


@pytest.fixture(scope="module")
def demo_authority(django_db_setup: None, django_db_blocker: Any) -> None:
    """The demo authority of tests/demo_authority.py, seeded once for all its tests.
    Module-scoped so that it is set up before each test's own transaction."""
    try:
        shared_demo.seed(django_db_blocker)
    except BaseException:
        shared_demo.roll_back()
        raise


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    shared_demo.side_by_side(items)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Iterator[None]:
    yield
    if shared_demo.uses(item) and not shared_demo.uses(nextitem):
        shared_demo.roll_back()
