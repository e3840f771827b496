"""Fixtures for notifications: Jasmine, whose case Alice holds (allocated by
her manager Mona, which is news to Alice)."""

import datetime as dt

import pytest

from haven.core import clock
from haven.core.services import allocate_case
from haven.notifications.models import Notification
from tests.conftest import make_user
from tests.factories import ChildFactory


@pytest.fixture
def child(alice, mona, team, freezer):
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(
        child,
        team=team,
        worker=alice,
        on=clock.today() - dt.timedelta(days=60),
        by=mona,
    )
    return child


@pytest.fixture
def mo(team):
    """A second manager of Alice's team."""
    manager = make_user("mo", "team_manager", team)
    team.managers.add(manager)
    return manager


def news_for(user) -> list[tuple[str, str]]:
    """The user's notifications as (kind, event type), oldest first."""
    return [
        (n.kind, n.event.type)
        for n in Notification.objects.filter(recipient=user)
        .select_related("event")
        .order_by("created_at", "pk")
    ]
