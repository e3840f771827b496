"""Fixtures for finance: two finance officers (Fiona previews, Frank approves),
and a child Alice placed with an agency, through care's services."""

import datetime as dt

import pytest

from haven.core.services import allocate_case
from tests.care.factories import (
    AgencyFactory,
    CarerFactory,
    FosteringServiceFactory,
    fostered,
    in_care,
)
from tests.conftest import make_user
from tests.factories import ChildFactory

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def today(freezer):
    """Haven's clock at noon on 15 June 2026."""
    freezer.at = freezer.at.replace(year=2026, month=6, day=15, hour=12)
    return TODAY


@pytest.fixture
def frank(db):
    """A second finance officer, who approves what Fiona previews."""
    return make_user("frank", "finance_officer")


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Brightwater Fostering")


@pytest.fixture
def fostering(db):
    return FosteringServiceFactory(name="Haven Fostering Service")


@pytest.fixture
def carer(fostering):
    return CarerFactory(provider=fostering, person__given_name="Maureen")


@pytest.fixture
def child(alice, mona, team, today):
    """Jasmine, born 4 May 2016, whose case Alice holds."""
    child = ChildFactory(
        given_name="Jasmine", family_name="Thackray", date_of_birth=dt.date(2016, 5, 4)
    )
    allocate_case(child, team=team, worker=alice, on=dt.date(2024, 1, 5), by=mona)
    return child


@pytest.fixture
def agency_carer(agency):
    return CarerFactory(provider=agency, person__given_name="Gwen")


@pytest.fixture
def placed(child, alice, agency_carer):
    """Jasmine placed with the agency's carer Gwen from 2 March 2026."""
    period = in_care(
        child, by=alice, on=dt.date(2026, 3, 2), placement=fostered(agency_carer)
    )
    return period.placements.get()
