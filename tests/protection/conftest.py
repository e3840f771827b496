"""Fixtures and steps for child protection tests: a child referred on a Monday
eight weeks ago, so each step can fall on a weekday of its own."""

import datetime as dt
from typing import Any

import pytest

from haven.cin import services as cin
from haven.core import clock
from haven.core.models import Team
from haven.core.services import allocate_case
from haven.protection import conferences, enquiries, strategy
from haven.protection.codes import ConferenceDecision, EnquiryOutcome
from tests.conftest import make_user
from tests.factories import ChildFactory

PARTICIPANTS = [
    {
        "name": "Alice Tester",
        "agency": "Children's social care",
        "role": "Social worker",
    },
    {"name": "DC Rana", "agency": "Police", "role": "Detective constable"},
    {"name": "Dr Osei", "agency": "Health", "role": "Named doctor"},
]
# Where a transfer-in conference's plan came from.
TRANSFER = conferences.Transfer("Northshire County Council")
ATTENDANCE = [
    {"agency": "Children's social care", "name": "Alice Tester", "attended": True},
    {"agency": "School", "name": "Mr Hale", "attended": True, "report": True},
]


def monday() -> dt.date:
    """The Monday eight weeks before today: the referral's day."""
    today = clock.today()
    return today - dt.timedelta(days=today.weekday(), weeks=8)


def day(n: int) -> dt.date:
    """`n` days after the referral (a weekday if n % 7 < 5)."""
    return monday() + dt.timedelta(days=n)


@pytest.fixture
def reviewing(service):
    """The independent reviewing service, where the chairs work."""
    return Team.objects.create(name="Independent Reviewing Service", parent=service)


@pytest.fixture
def cath(reviewing):
    """A child protection chair."""
    return make_user("cath", "cp_chair", reviewing)


@pytest.fixture
def child(alice, mona, team, freezer):
    child = ChildFactory(given_name="Kai", family_name="Ashdown")
    allocate_case(child, team=team, worker=alice, on=day(-30), by=mona)
    return child


@pytest.fixture
def episode(child, alice):
    return cin.open_referral(
        child, received_on=day(0), source="2A", contact_id=None, by=alice
    )


def discussion(episode, by, *, on=None, decision="section_47", **kw: Any):
    typed = strategy.Discussion(
        held_on=on or day(1),
        participants=kw.pop("participants", PARTICIPANTS),
        information_shared=kw.pop("information_shared", "Bruising seen at school"),
        decision=decision,
        **kw,
    )
    return strategy.record_strategy_discussion(episode, typed, by=by)


def enquiry(episode, by, *, on=None, outcome=EnquiryOutcome.SIGNIFICANT_HARM):
    """A section 47 enquiry started the day after the referral, completed on
    day 11 with `outcome` (None: left open)."""
    started = discussion(episode, by, on=on or day(1))
    found = enquiries.start_section_47(started, started_on=on or day(1), by=by)
    if outcome is None:
        return found
    return enquiries.record_section_47_outcome(
        found, outcome=outcome, completed_on=day(11), by=by
    )


def meeting(chair, *, on=None, decision=ConferenceDecision.PLAN, **kw: Any):
    return conferences.Meeting(
        held_on=on or day(15),
        chair=chair,
        decision=decision,
        attendance=kw.pop("attendance", ATTENDANCE),
        category=kw.pop("category", "NEG"),
        **kw,
    )


def on_a_plan(episode, worker, chair, *, on=None):
    """An enquiry, and its initial conference on day 15 starting a plan."""
    found = enquiry(episode, worker)
    conference = conferences.hold_initial_conference(
        episode, meeting(chair, on=on), by=worker, section_47=found
    )
    return conference.started_plan
