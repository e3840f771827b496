"""SEND personas: the SEND team and its officer, and a child with a social
worker (Alice), and steps that bring a request to each stage through the
services."""

import datetime as dt

import pytest

from haven.core import clock
from haven.core.models import Establishment, Team, User
from haven.core.services import allocate_case
from haven.people.models import Person
from haven.send import advice, plans, services
from haven.send.models import EhcPlan, EhcRequest
from tests.conftest import make_user
from tests.factories import ChildFactory


def ago(days: int) -> dt.date:
    return clock.today() - dt.timedelta(days=days)


@pytest.fixture
def send_team(service: Team) -> Team:
    return Team.objects.create(name="SEND Team", parent=service)


@pytest.fixture
def sally(send_team: Team) -> User:
    """A SEND officer."""
    return make_user("sally", "send_officer", send_team)


@pytest.fixture
def child(alice: User, mona: User) -> Person:
    """A child in need whose social worker is Alice."""
    person = ChildFactory(given_name="Sam")
    allocate_case(person, team=alice.team, worker=alice, on=ago(100), by=mona)
    return person


@pytest.fixture
def school(db: None) -> Establishment:
    return Establishment.objects.create(urn=100001, name="Hilltop Primary School")


def requested(child: Person, by: User, days: int = 90) -> EhcRequest:
    return services.record_request(
        child, received_on=ago(days), source="parent", details="", by=by
    )


def assessing(child: Person, by: User) -> EhcRequest:
    request = requested(child, by)
    return services.decide_assessment(request, decision="Y", on=ago(80), by=by)


def to_issue(child: Person, by: User) -> EhcRequest:
    request = assessing(child, by)
    return services.decide_plan(request, decision="Y", on=ago(40), by=by)


def drafted(child: Person, by: User) -> EhcPlan:
    request = to_issue(child, by)
    text = plans.PlanText(sections={"a": "Sam likes trains."}, primary_need="ASD")
    return plans.serve_draft(request, on=ago(30), text=text, by=by)


__all__ = ["advice", "ago", "assessing", "drafted", "requested", "to_issue"]
