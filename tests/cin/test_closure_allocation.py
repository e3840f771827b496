"""Closing a child in need episode takes the child off the social worker's
caseload: the case ends, or passes to early help if the family has it."""

import datetime as dt

import pytest

from haven.cin import plans, services
from haven.core import access, clock
from haven.core.models import JournalEvent, Team
from haven.earlyhelp import services as early_help
from haven.earlyhelp.codes import ClosureOutcome
from tests.cin.test_services import (
    _action,
    _authorised,
    _closed_no_further_action,
    _days_ago,
)
from tests.conftest import FrozenClock, make_user
from tests.factories import current_allocation

pytestmark = pytest.mark.django_db


def _with_plan(child, alice, mona):
    episode = _authorised(child, alice, mona)
    plans.start_plan(episode, started_on=_days_ago(2), actions=[_action()], by=alice)
    return episode


def _close(episode, alice, **kw):
    services.close_episode(
        episode,
        closed_on=clock.today(),
        reason="RC7",
        summary="The plan's actions are met",
        by=alice,
        **kw,
    )


@pytest.fixture
def eh_team(service):
    return Team.objects.create(name="Early Help Hub", parent=service)


@pytest.fixture
def ellie(eh_team):
    return make_user("ellie", "early_help_worker", eh_team)


@pytest.fixture
def emma(eh_team):
    manager = make_user("emma", "early_help_worker", eh_team)
    eh_team.managers.add(manager)
    return manager


def test_closing_ends_the_allocation_and_journals_it(child, alice, mona):
    episode = _with_plan(child, alice, mona)
    _close(episode, alice)
    assert current_allocation(child) is None
    assert not alice.allocations.filter(ended_on__isnull=True).exists()
    ended = JournalEvent.objects.get(person=child, type="core.allocation_ended")
    assert ended.payload["reason"] == "Child in need episode closed"


def test_the_worker_keeps_reading_a_closed_case_for_a_week(
    child, alice, mona, freezer: FrozenClock
):
    _close(_with_plan(child, alice, mona), alice)
    assert access.why_user_may_open(alice, child) == "Held the case until it ended"
    assert access.why_user_may_open(mona, child) is not None
    freezer.move_to(dt.timedelta(days=8))
    assert access.why_user_may_open(alice, child) is None


def test_no_further_action_after_assessment_ends_the_allocation(child, alice, mona):
    _closed_no_further_action(child, alice, mona)
    assert current_allocation(child) is None


def test_stepping_down_passes_the_case_to_the_early_help_team(
    child, alice, mona, eh_team, ellie, emma
):
    _close(_with_plan(child, alice, mona), alice, step_down=True)
    now = current_allocation(child)
    assert (now.team, now.worker) == (eh_team, None)
    # Early help works with the family, then closes: the case ends rather than
    # going back to the social care team, which had finished.
    request = child.early_help_requests.get()
    early_help.allocate_request(request, worker=ellie, by=emma)
    assert current_allocation(child).worker == ellie
    early_help.close_episode(
        request,
        closed_on=clock.today(),
        outcome=ClosureOutcome.NEEDS_MET,
        by=ellie,
    )
    assert current_allocation(child) is None


def test_early_help_alongside_takes_the_case_when_social_care_closes(
    child, alice, mona, ellie, emma
):
    episode = _with_plan(child, alice, mona)
    request = early_help.request_early_help(
        child,
        requested_on=_days_ago(3),
        reason="Parenting support",
        source="direct",
        contact_id=None,
        by=alice,
    )
    early_help.allocate_request(request, worker=ellie, on=_days_ago(2), by=emma)
    assert current_allocation(child).worker == alice  # alongside social care
    _close(episode, alice)
    assert current_allocation(child).worker == ellie
    early_help.close_episode(
        request, closed_on=clock.today(), outcome=ClosureOutcome.NEEDS_MET, by=ellie
    )
    assert current_allocation(child) is None


def test_a_referral_of_a_child_no_one_holds_goes_to_the_front_door(
    child, alice, mona, service
):
    front_door = Team.objects.create(name="Front Door", parent=service)
    make_user("fred", "front_door_worker", front_door)
    _close(_with_plan(child, alice, mona), alice)
    services.open_referral(
        child, received_on=clock.today(), source="2A", contact_id=None, by=alice
    )
    now = current_allocation(child)
    assert (now.team, now.worker) == (front_door, None)
    assert now.reason == "Referred to social care: for a manager to allocate"


def test_a_case_that_moves_on_moves_access_at_once(child, alice, bob, mona, other_team):
    from haven.core.services import allocate_case

    allocate_case(child, team=other_team, worker=bob, reason="Now in care", by=mona)
    assert access.why_user_may_open(alice, child) is None
    assert access.why_user_may_open(mona, child) is None


def test_the_council_sets_how_long_a_closed_case_stays_readable(
    child, alice, mona, freezer: FrozenClock, settings
):
    settings.HAVEN_ACCESS_AFTER_CASE_ENDS_DAYS = 2
    _close(_with_plan(child, alice, mona), alice)
    freezer.move_to(dt.timedelta(days=3))
    assert access.why_user_may_open(alice, child) is None
