"""The demo authority's plans (haven/care/plans/demo.py): every child looked
after for more than a few days has a care plan and a plan for their
placement, those looked after past the second review a plan for permanence,
and no plan is overdue on anyone's queue."""

import datetime as dt
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.db import transaction

from haven.care.models import CarePlan, PeriodOfCare, PlacementPlan
from haven.care.plans.demo import FRESH
from haven.core import clock
from haven.timescales.models import Obligation

pytestmark = pytest.mark.django_db

CHILDREN = 300


@pytest.fixture(scope="module", autouse=True)
def authority(django_db_setup, django_db_blocker) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """One demo authority for the module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", children=CHILDREN, seed=3, verbosity=0)
        yield
        transaction.set_rollback(True)


def test_children_looked_after_have_their_plans():
    today = clock.today()
    settled = today - dt.timedelta(days=FRESH + 1)
    periods = PeriodOfCare.objects.filter(ended_on__isnull=True)
    assert periods.exists()
    for period in periods.filter(started_on__lte=settled):
        plans = list(CarePlan.objects.filter(period=period).order_by("number"))
        assert plans, period
        if period.started_on < today - dt.timedelta(days=130):
            assert plans[-1].permanence, period
        placement = period.placements.get(ended_on__isnull=True)
        if placement.started_on <= settled:
            assert PlacementPlan.objects.filter(placement=placement).exists()


def test_no_plan_is_overdue_in_the_demo():
    overdue = Obligation.objects.filter(
        rule_id__in=("LAC-CAREPLAN", "LAC-PLACEPLAN", "LAC-PERM-PLAN"),
        status=Obligation.Status.DUE,
        due_on__lt=clock.today(),
    )
    assert list(overdue) == []
