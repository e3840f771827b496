"""Early help personas: a team, its workers and manager, and a child."""

import datetime as dt

import pytest

from haven.core import clock
from haven.core.models import Allocation, Team, User
from haven.core.services import allocate_case
from haven.earlyhelp import services
from haven.earlyhelp.models import EarlyHelpRequest
from haven.people.models import Person
from tests.conftest import make_user
from tests.factories import ChildFactory

REQUESTED = dt.date(2026, 3, 2)


def known_to_early_help(child: Person, worker: User) -> None:
    """A family the worker's team saw until yesterday, walking back in: no one
    holds the case now, and the team may still open (and so write to) the record
    (core's "held the case until it ended"). Break-glass would let them read it
    only."""
    Allocation.objects.create(
        person=child,
        team=worker.team,
        started_on=dt.date(2025, 1, 6),
        ended_on=clock.today() - dt.timedelta(days=1),
        reason="Earlier early help",
    )


@pytest.fixture
def eh_team(service: Team) -> Team:
    return Team.objects.create(name="Early Help Hub", parent=service)


@pytest.fixture
def ellie(eh_team: Team) -> User:
    """An early help worker."""
    return make_user("ellie", "early_help_worker", eh_team)


@pytest.fixture
def emma(eh_team: Team) -> User:
    """An early help worker who manages the early help team."""
    manager = make_user("emma", "early_help_worker", eh_team)
    eh_team.managers.add(manager)
    return manager


@pytest.fixture
def child(alice: User, mona: User, team: Team) -> Person:
    """A child allocated to Alice, the social worker."""
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


@pytest.fixture
def request_(
    child: Person, alice: User, eh_team: Team, ellie: User
) -> EarlyHelpRequest:
    """Alice steps the child down to early help; the family waits in the queue."""
    return services.request_early_help(
        child,
        requested_on=REQUESTED,
        reason="Parents need support with routines",
        source="step_down",
        contact_id=None,
        by=alice,
    )


@pytest.fixture
def allocated(request_: EarlyHelpRequest, emma: User, ellie: User) -> EarlyHelpRequest:
    return services.allocate_request(
        request_, worker=ellie, on=dt.date(2026, 3, 20), by=emma
    )
