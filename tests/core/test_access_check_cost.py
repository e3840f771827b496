"""An access check is one query, and what it remembers on the user object
(its relationships, its compiled query) never outlives the day or hides a
change made in the same request."""

import datetime as dt

import pytest

from haven.core import access
from haven.core.services import allocate_case, break_glass, end_allocation
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_it_answers_a_second_check_in_a_request_in_one_query(
    child, alice, django_assert_num_queries
):
    access.why_user_may_open(alice, child)
    with django_assert_num_queries(1):
        assert access.why_user_may_open(alice, child) == "Allocated worker"
    with django_assert_num_queries(1):
        assert access.may_change(alice, child)


def test_it_answers_a_refusal_and_break_glass_in_one_query(
    child, bob, django_assert_num_queries
):
    assert access.why_user_may_open(bob, child) is None
    break_glass(child, reason="Police at the door, out of hours", by=bob)
    with django_assert_num_queries(1):
        assert access.why_user_may_open(bob, child) == (
            "Break-glass: Police at the door, out of hours"
        )
    with django_assert_num_queries(1):
        assert not access.may_change(bob, child)


def test_a_remembered_user_loses_an_ended_case_when_the_day_moves_on(
    child, alice, mona, freezer, settings
):
    settings.HAVEN_ACCESS_AFTER_CASE_ENDS_DAYS = 2
    end_allocation(child, on=freezer.at.date(), reason="Closed", by=mona)
    assert access.why_user_may_open(alice, child) == "Held the case until it ended"
    freezer.move_to(dt.timedelta(days=3))
    assert access.why_user_may_open(alice, child) is None


def test_break_glass_expires_for_a_remembered_user(child, bob, freezer):
    break_glass(child, reason="Police at the door, out of hours", by=bob)
    assert access.why_user_may_open(bob, child) is not None
    freezer.move_to(dt.timedelta(hours=access.BREAK_GLASS_HOURS, seconds=1))
    assert access.why_user_may_open(bob, child) is None
