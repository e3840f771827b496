"""A manager of many teams sees team work by team, then each team's page
(issue 12: five hundred workers' queues on one page took a second to draw)."""

import datetime as dt

import pytest
from django.test import Client

from haven.core import clock
from haven.core.models import Team, User
from haven.timescales import overview
from haven.timescales.models import Obligation
from tests.conftest import make_user
from tests.factories import AllocationFactory, ChildFactory
from tests.timescales.test_work_pages import contact_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_of_service(service: Team) -> User:
    manager = make_user("hos", "service_manager", None)
    service.managers.add(manager)
    return manager


@pytest.fixture
def few_on_one_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(overview, "TEAMS_ON_ONE_PAGE", 1)


def test_many_teams_open_on_the_teams_with_their_counts(
    client: Client,
    head_of_service: User,
    alice: User,
    bob: User,
    team: Team,
    other_team: Team,
    few_on_one_page: None,
) -> None:
    # A contact ten days ago: its decision is long overdue.
    contact_for(alice, clock.today() - dt.timedelta(days=10), name="Late")
    AllocationFactory(person=ChildFactory(), team=other_team, worker=bob)
    assert Obligation.objects.filter(status="due").exists()
    client.force_login(head_of_service)
    page = client.get("/work/team/").content.decode()
    assert 'id="team-overview"' in page and "Late" not in page
    teams = [team, other_team]
    rows = {row.team.name: row for row in overview.overview(teams, clock.today())}
    assert (rows[team.name].workers, rows[team.name].caseload) == (1, 1)
    assert rows[team.name].overdue >= 1
    assert (rows[other_team.name].caseload, rows[other_team.name].overdue) == (1, 0)
    assert f'href="/work/team/?team={team.pk}"' in page


def test_a_teams_page_shows_only_that_teams_workers(
    client: Client,
    head_of_service: User,
    alice: User,
    bob: User,
    team: Team,
    other_team: Team,
    few_on_one_page: None,
) -> None:
    AllocationFactory(person=ChildFactory(given_name="Ada"), team=team, worker=alice)
    client.force_login(head_of_service)
    page = client.get("/work/team/", {"team": team.pk}).content.decode()
    assert "Alice Tester" in page and "Bob Tester" not in page
    assert f'href="?team={team.pk}&amp;worker={alice.pk}"' in page
    worker = client.get("/work/team/", {"team": team.pk, "worker": alice.pk})
    assert "Ada Testington" in worker.content.decode()


def test_a_team_not_theirs_is_not_shown(
    client: Client, mona: User, other_team: Team, bob: User
) -> None:
    client.force_login(mona)
    page = client.get("/work/team/", {"team": other_team.pk}).content.decode()
    assert "Bob Tester" not in page


def test_few_teams_still_open_on_every_worker(
    client: Client, head_of_service: User, alice: User, team: Team
) -> None:
    client.force_login(head_of_service)
    page = client.get("/work/team/").content.decode()
    assert 'id="team-summary"' in page and "Alice Tester" in page


def test_a_duty_due_soon_is_not_yet_overdue(team: Team, alice: User) -> None:
    contact_for(alice, clock.today())
    (row,) = overview.overview([team], clock.today())
    assert (row.overdue, row.due_this_week) == (0, 1)
    (later,) = overview.overview([team], clock.today() + dt.timedelta(days=30))
    assert (later.overdue, later.due_this_week) == (1, 0)
