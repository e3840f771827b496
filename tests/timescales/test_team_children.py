"""Team work names the children behind every count, and only those the manager
may open (issue 9, defects 10 and 4, and the team work page's type, 13)."""

import datetime as dt
import re

import pytest
from django.test import Client

from haven.casework.services import transfer_case
from haven.core import clock
from haven.core.models import Team, User
from haven.core.services import restrict_record
from tests.conftest import make_user
from tests.factories import AllocationFactory, ChildFactory
from tests.timescales.test_work_pages import contact_for

pytestmark = pytest.mark.django_db


def _held(team: Team, worker: User | None, name: str):
    child = ChildFactory(given_name=name)
    AllocationFactory(person=child, team=team, worker=worker)
    return child


def test_a_workers_caseload_lists_each_child(
    client: Client, alice: User, mona: User, team: Team
) -> None:
    _held(team, alice, "Ada")
    _held(team, alice, "Bea")
    client.force_login(mona)
    summary = client.get("/work/team/").content.decode()
    assert f'href="?worker={alice.pk}#children">2<' in summary
    page = client.get("/work/team/", {"worker": alice.pk}).content.decode()
    assert "2 children allocated" in page
    assert "Ada Testington" in page and "Bea Testington" in page


def test_children_the_teams_hold_with_no_worker_are_listed_to_allocate(
    client: Client, mona: User, team: Team
) -> None:
    child = _held(team, None, "Waiting")
    client.force_login(mona)
    page = client.get("/work/team/", {"worker": "unallocated"}).content.decode()
    assert "Waiting Testington" in page
    assert f"/people/{child.pk}/allocation/" in page


def test_a_child_the_manager_may_not_open_is_counted_but_never_named(
    client: Client, alice: User, mona: User, team: Team
) -> None:
    secret = _held(team, alice, "Secret")
    _held(team, alice, "Open")
    restrict_record(secret, kind="restricted", reason="Staff member's child", by=mona)
    client.force_login(mona)
    page = client.get("/work/team/", {"worker": alice.pk}).content.decode()
    assert "2 children allocated" in page
    assert "Open Testington" in page and "Secret" not in page
    assert "1 more with a restricted record you cannot open is counted" in page


def test_a_transfer_to_another_team_is_on_its_managers_team_work_at_once(
    client: Client, alice: User, mona: User, team: Team, other_team: Team
) -> None:
    olga = make_user("olga", "team_manager", other_team)
    other_team.managers.add(olga)
    make_user("bob", "social_worker", other_team)
    child = _held(team, alice, "Moving")
    transfer_case(
        child,
        team=other_team,
        worker=None,
        reason="Now in care",
        change_reason="MANAGE",
        by=mona,
    )
    client.force_login(olga)
    page = client.get("/work/team/", {"worker": "unallocated"}).content.decode()
    assert "Moving Testington" in page


def test_team_work_uses_one_size_of_body_text(
    client: Client, alice: User, mona: User, team: Team
) -> None:
    contact_for(alice, clock.today() - dt.timedelta(days=10))
    client.force_login(mona)
    page = client.get("/work/team/").content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    assert 'id="worker-' in main  # the urgent items table is there
    assert not re.search(r"govuk-!-font-size|govuk-body-s|govuk-hint", main)
