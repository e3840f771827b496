"""CIN-VISIT: a local, configurable visiting frequency for a child in need.
Starting the plan starts it; a visit note in which the child was seen meets it
and it falls due again from that visit; closing the episode ends it."""

import datetime as dt

import pytest

from haven.casework import services as casework
from haven.casework.seeing import Seen
from haven.casework.visits import Visit
from haven.cin import plans, services
from haven.core import clock
from haven.core.work import items_for
from haven.timescales import calendar
from haven.timescales.catalogue import rule
from haven.timescales.models import Obligation
from haven.timescales.queue import source_words
from tests.cin.test_services import _action, _authorised, _days_ago

pytestmark = pytest.mark.django_db


def _visits(child):
    return list(
        Obligation.objects.filter(person=child, rule_id="CIN-VISIT")
        .order_by("pk")
        .values_list("status", "due_on")
    )


def _note(child, alice, kind="visit", seen=True):
    # An hour ago, but today even just after midnight: the visit falls due again
    # from today.
    today = clock.start_of(clock.today())
    return casework.record_note(
        [child],
        kind=kind,
        occurred_at=max(today, clock.now() - dt.timedelta(hours=1)),
        subject="Visit",
        body="Seen at home.",
        seen=Seen(seen, "yes" if seen else ""),
        visit=Visit(True, "home", True, "yes"),
        by=alice,
    )


def test_the_rule_is_local_policy_and_configurable():
    found = rule("CIN-VISIT")
    assert (found.status, found.configurable, found.recurrence) == (
        "local_policy",
        True,
        "rolling",
    )
    assert str(found.deadline) == str(found.interval)
    assert source_words("CIN-VISIT").startswith("Local policy: ")


def test_a_plan_starts_the_visits_and_a_visit_seeing_the_child_meets_them(
    child, alice, mona
):
    episode = _authorised(child, alice, mona)
    started = _days_ago(1)
    plans.start_plan(episode, started_on=started, actions=[_action()], by=alice)
    assert _visits(child) == [("due", rule("CIN-VISIT").deadline.due_from(started))]
    [item] = [i for i in items_for([alice]) if i.rule_id == "CIN-VISIT"]
    assert item.title == "Visit the child and see them"
    assert item.url == f"/casework/people/{child.pk}/visit/"  # the visit note

    # A phone call, or a visit in which the child was not seen, meets nothing.
    _note(child, alice, kind="phone_call", seen=False)
    _note(child, alice, seen=False)
    assert [status for status, _ in _visits(child)] == ["due"]

    _note(child, alice)
    today = clock.today()
    assert _visits(child) == [
        ("met_on_time", rule("CIN-VISIT").deadline.due_from(started)),
        ("due", calendar.add_working_days(today, 20)),
    ]


def test_closing_the_episode_ends_the_visits(child, alice, mona):
    episode = _authorised(child, alice, mona)
    plans.start_plan(episode, started_on=_days_ago(1), actions=[_action()], by=alice)
    services.close_episode(
        episode, closed_on=clock.today(), reason="RC7", summary="Settled", by=alice
    )
    assert [status for status, _ in _visits(child)] == ["no_longer_required"]
