"""Fixtures for looked-after children's tests: a child Alice holds, and the
providers and carers she places children with."""

import datetime as dt

import pytest

from haven.core.services import allocate_case
from tests.care.factories import CarerFactory, FosteringServiceFactory, ProviderFactory
from tests.factories import ChildFactory

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def today(freezer):
    """Haven's clock at noon on 15 June 2026 (collection year 2026-27)."""
    freezer.at = freezer.at.replace(year=2026, month=6, day=15, hour=12)
    return TODAY


@pytest.fixture
def child(alice, mona, team, today):
    """Jasmine, born 4 May 2016, whose case Alice holds."""
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    allocate_case(child, team=team, worker=alice, on=dt.date(2024, 1, 5), by=mona)
    return child


@pytest.fixture
def home(db):
    return ProviderFactory(name="Larchfield House")


@pytest.fixture
def fostering(db):
    return FosteringServiceFactory(name="Haven Fostering Service")


@pytest.fixture
def carer(fostering):
    return CarerFactory(provider=fostering, person__given_name="Maureen")


@pytest.fixture
def second_carer(fostering):
    return CarerFactory(provider=fostering, person__given_name="Desmond")
