"""Fixtures for the reviews' tests: an IRO in the reviewing service, who is
the child's IRO (a case role), and another who is not."""

import datetime as dt

import pytest

from haven.care.reviews import recording
from haven.casework import services as casework
from haven.core.caseroles import CaseRole
from haven.core.models import Team
from tests.care.factories import fostered, in_care
from tests.conftest import make_user

START = dt.date(2025, 4, 10)  # a Thursday before Easter 2025


@pytest.fixture
def reviewing(service):
    return Team.objects.create(name="Independent Reviewing Service", parent=service)


@pytest.fixture
def ivy(reviewing):
    """An IRO."""
    return make_user("ivy", "independent_reviewing_officer", reviewing)


@pytest.fixture
def iris(service):
    """An IRO in another reviewing team, who is not this child's."""
    elsewhere = Team.objects.create(name="North Reviewing Team", parent=service)
    return make_user("iris", "independent_reviewing_officer", elsewhere)


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, on=START, placement=fostered(carer))


@pytest.fixture
def with_iro(child, ivy, reviewing, mona, period):
    casework.transfer_case(
        child,
        team=reviewing,
        worker=ivy,
        reason="Came into care",
        role=CaseRole.IRO,
        by=mona,
    )
    return ivy


def review(period, by, on, *, code="PN1", recommendations=()):
    return recording.record_review(
        period,
        held_on=on,
        participation=code,
        attended="Jasmine, her carer Maureen, Alice (social worker)",
        recommendations=recommendations,
        by=by,
    )
