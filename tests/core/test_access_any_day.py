"""The one-record access query is compiled once for every day (haven.core.facts):
the values a relationship derives from the day are its slots, and a
relationship reading the day any other way is refused."""

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Exists, OuterRef, Q

from haven.core import access, facts, shared_rules
from haven.core.models import Allocation
from haven.core.services import allocate_case, end_allocation
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def _query(user, person):
    rules = access.rules_for(user)
    return facts.query_for(user, rules, type(person))


def test_a_second_day_asks_the_query_of_the_first(child, alice, freezer):
    access.why_user_may_open(alice, child)
    first = _query(alice, child)
    freezer.move_to(dt.timedelta(days=1))
    alice = type(alice).objects.get(pk=alice.pk)  # the next day's request
    assert access.why_user_may_open(alice, child) == "Allocated worker"
    assert _query(alice, child) is first


def test_the_days_values_are_the_days(child, alice, mona, freezer, settings):
    settings.HAVEN_ACCESS_AFTER_CASE_ENDS_DAYS = 2
    end_allocation(child, on=freezer.at.date(), reason="Closed", by=mona)
    for days, why in ((1, "Held the case until it ended"), (2, None), (30, None)):
        freezer.move_to(dt.timedelta(days=days))
        assert access.why_user_may_open(alice, child) == why, days


def _peeking(user, today):
    """A relationship that bakes in the day without declaring it."""
    recent = Allocation.objects.filter(
        person=OuterRef("pk"), worker=user, started_on__gte=today
    )
    return Q(Exists(recent))


def test_a_relationship_reading_the_day_undeclared_is_refused(
    child, alice, monkeypatch
):
    peeking = access.Relationship("Peeking", 99, _peeking)
    monkeypatch.setattr(access, "RELATIONSHIPS", [*access.RELATIONSHIPS, peeking])
    shared_rules.forget()
    with pytest.raises(ImproperlyConfigured, match="reads the day"):
        access.why_user_may_open(alice, child)
    shared_rules.forget()


def _by_surname(user, today):
    """A relationship that bakes in a fact about the user it does not declare."""
    return Q(family_name=user.last_name)


def test_rules_reused_after_an_undeclared_fact_changed_are_refused(
    child, alice, monkeypatch
):
    by_surname = access.Relationship("Same surname", 99, _by_surname)
    monkeypatch.setattr(access, "RELATIONSHIPS", [*access.RELATIONSHIPS, by_surname])
    shared_rules.forget()
    access.why_user_may_open(alice, child)
    alice = type(alice).objects.get(pk=alice.pk)  # the next request
    access.why_user_may_open(alice, child)  # nothing changed: reused
    alice.last_name = "Changed"
    alice.save()
    alice = type(alice).objects.get(pk=alice.pk)
    with pytest.raises(ImproperlyConfigured, match="does not declare"):
        access.why_user_may_open(alice, child)
    shared_rules.forget()
