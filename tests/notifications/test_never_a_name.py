"""Property: a notification names a child only to a reader who may open the
child's record now. A record restricted or sealed since, transferred away or
ended long ago shows only that something happened, unnamed and unlinked."""

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import access, clock
from haven.core.services import (
    allocate_case,
    break_glass,
    end_allocation,
    grant_access,
    restrict_record,
)
from haven.notifications import words
from haven.notifications.models import Notification
from haven.notifications.selectors import notifications_of
from tests.factories import ChildFactory

STATES = [
    "held",
    "restricted",
    "restricted and granted",
    "sealed",
    "sealed for social workers",
    "transferred away",
    "ended long ago",
]
child_spec = st.tuples(st.sampled_from(STATES), st.booleans())  # (state, glass)


def _child(n, state, glass, *, alice, mona, bob, team, other_team):
    child = ChildFactory(given_name=f"Ysolde{n}", family_name="Quarrington")
    on = clock.today() - dt.timedelta(days=60)
    allocate_case(child, team=team, worker=alice, on=on, by=mona)
    if glass:
        break_glass(child, reason="Police called out of hours about her", by=bob)
    if state.startswith("restricted"):
        restrict_record(child, kind="restricted", reason="Staff relative", by=mona)
        if state.endswith("granted"):
            grant_access(child, to=alice, reason="Her worker", by=mona)
    elif state.startswith("sealed"):
        sealed_for = ["Social worker"] if state.endswith("workers") else []
        restrict_record(
            child, kind="sealed", reason="Adopted", sealed_for=sealed_for, by=mona
        )
    elif state == "transferred away":
        allocate_case(child, team=other_team, worker=bob, by=mona)
    elif state == "ended long ago":
        end_allocation(
            child, on=clock.today() - dt.timedelta(days=30), reason="Closed", by=mona
        )
    return child


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(specs=st.lists(child_spec, min_size=1, max_size=5))
def test_a_notification_names_a_child_only_to_whoever_may_open_them(
    specs, alice, mona, bob, team, other_team, settings_for_glass
):
    with transaction.atomic():
        people = dict(alice=alice, mona=mona, bob=bob, team=team, other_team=other_team)
        children = [_child(n, *spec, **people) for n, spec in enumerate(specs)]
        client = Client()
        client.force_login(alice)
        html = client.get(reverse("notifications:list")).content.decode()
        shown = words.shown_to(alice, list(notifications_of(alice)))
        hidden = 0
        for child in children:
            opens = access.why_user_may_open(alice, child) is not None
            assert (child.given_name in html) == opens, child
            assert any(child.given_name in row.words for row in shown) == opens
            if not opens:
                hidden += Notification.objects.filter(
                    recipient=alice, event__person=child
                ).count()
        unnamed = [row for row in shown if row.words == words.UNOPENABLE]
        assert len(unnamed) == hidden
        assert all(row.url == "" for row in unnamed)
        assert html.count(words.UNOPENABLE) == hidden
        transaction.set_rollback(True)


@pytest.fixture
def settings_for_glass(settings):
    settings.HAVEN_BREAK_GLASS_PER_HOUR = 1000
    settings.HAVEN_BREAK_GLASS_BURST = 1000


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_each_way_of_losing_access_leaves_the_child_unnamed(
    state, alice, mona, bob, team, other_team, settings_for_glass
):
    people = dict(alice=alice, mona=mona, bob=bob, team=team, other_team=other_team)
    child = _child(0, state, True, **people)
    shown = words.shown_to(alice, list(notifications_of(alice)))
    opens = state in ("held", "restricted and granted", "sealed for social workers")
    assert len(shown) == 2  # allocated to her, and the break-glass on her child
    assert all((child.given_name in row.words) == opens for row in shown)
