"""Budgets by cost centre and financial year against the paid payment lines
by month, and the year's spend in the section 251 outturn lines."""

import datetime as dt
from decimal import Decimal

import pytest

from haven.core.errors import DomainError
from haven.finance import rates, runs
from haven.finance.forecasts import budgets, centres, selectors
from haven.finance.forecasts.budgets import Paid
from haven.finance.forecasts.models import CostCentre

D = dt.date


def test_an_annual_budget_is_split_evenly_with_march_taking_the_pennies():
    months = budgets.split_evenly(Decimal("100000.00"))
    assert months[:11] == [Decimal("8333.33")] * 11
    assert months[11] == Decimal("8333.37")
    assert sum(months) == Decimal("100000.00")


def test_a_line_across_a_month_end_is_split_by_days_and_adds_up():
    parts = budgets.split_by_month(D(2026, 3, 30), D(2026, 4, 27), Decimal("3360.01"))
    assert parts == {(2026, 3): Decimal("240.00"), (2026, 4): Decimal("3120.01")}
    found = budgets.actuals(
        2026, [Paid("agency", D(2026, 3, 30), D(2026, 4, 27), Decimal("3360.01"))]
    )
    assert found["agency"][0] == Decimal("3120.01")  # April; March is 2025-26's
    assert sum(found["agency"]) == Decimal("3120.01")


@pytest.mark.django_db
def test_a_budget_is_set_evenly_or_by_month_and_set_again(fiona, today):
    budget = budgets.set_budget(
        "agency", year=2026, profile="even", annual="120000", by=fiona
    )
    assert budget.monthly == ["10000.00"] * 12
    assert budget.cost_centre.code == centres.DEFAULTS["agency"].code
    again = budgets.set_budget(
        "agency", year=2026, profile="monthly", monthly=["500", "", "1.50"], by=fiona
    )
    assert again.pk == budget.pk
    assert (again.annual, again.monthly[:3]) == (
        Decimal("501.50"),
        ["500.00", "0.00", "1.50"],
    )


@pytest.mark.django_db
def test_every_fault_in_a_budget_is_named_at_once(alice, fiona, today):
    with pytest.raises(DomainError) as refused:
        budgets.set_budget("nowhere", year=None, profile="", by=fiona)
    assert [f.code for f in refused.value.failures] == [
        "centre_required",
        "year_required",
        "profile_required",
    ]
    with pytest.raises(DomainError) as refused:
        budgets.set_budget(
            "agency", year=2026, profile="monthly", monthly=["x"], by=fiona
        )
    assert [(f.code, f.field) for f in refused.value.failures] == [
        ("amount_invalid", "month_0")
    ]
    with pytest.raises(DomainError) as refused:
        budgets.set_budget("agency", year=2026, profile="even", annual=1, by=alice)
    assert refused.value.code == "not_permitted"


@pytest.mark.django_db
def test_actuals_and_the_outturn_come_from_the_paid_lines(
    fiona, frank, agency, placed, today
):
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )
    run = runs.preview_run(provider_kind="agency", starts_on=D(2026, 3, 30), by=fiona)
    budgets.set_budget("agency", year=2026, profile="even", annual="12000", by=fiona)
    before = selectors.year_report(fiona, 2026)
    assert before.actual_total == Decimal("0.00")  # previewed is not paid
    runs.approve_run(run, by=frank)
    report = selectors.year_report(fiona, 2026)
    (agency_row,) = [c for c in report.centres if c.name.startswith("CLA-FOS-IFA")]
    assert agency_row.actual[0] == Decimal("3120.00")  # 26 April days of 28
    assert agency_row.budget_total == Decimal("12000.00")
    assert agency_row.left == Decimal("8880.00")
    lines = {o.line: o for o in report.outturn}
    ifa = lines["Fostering services (independent fostering agencies)"]
    assert (ifa.amount, ifa.verified, report.unverified) == (
        Decimal("3120.00"),
        False,
        True,
    )
    assert selectors.year_report(fiona, 2025).actual_total == Decimal("240.00")


@pytest.mark.django_db
def test_the_councils_cost_centre_and_checked_line_stand_over_the_default(fiona, today):
    CostCentre.objects.create(
        provider_kind="agency",
        code="R4410",
        name="IFA placements",
        outturn_line="Our checked line",
        outturn_verified=True,
    )
    named = centres.centres()
    assert str(named["agency"]) == "R4410 IFA placements"
    assert named["childrens_home"].pk is None  # a default, never written by a read
    lines = {o.line: o.verified for o in selectors.year_report(fiona, 2026).outturn}
    assert lines["Our checked line"] is True
