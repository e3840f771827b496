"""Payments against budget and management oversight on time: exact amounts
and counts on a small authority built through the services."""

import datetime as dt
from decimal import Decimal

import pytest

from haven.casework import services as casework
from haven.core.services import allocate_case, restrict_record
from haven.finance import rates, runs
from haven.finance.forecasts import budgets
from haven.reporting import children, oversight, payments
from haven.reporting.scope import Scope, of_team
from haven.reporting.spans import Span, last_twelve_months
from tests.care.factories import AgencyFactory, CarerFactory, fostered, in_care
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

YEAR = last_twelve_months(dt.date(2026, 6, 15))
D = dt.date


@pytest.fixture
def frank(db):
    """A second finance officer, who approves what Fiona previews."""
    return make_user("frank", "finance_officer")


@pytest.fixture
def paid(today, alice, bob, mona, sam, team, other_team, fiona, frank):
    """Two children placed with an agency at £700 a week (£100 a day) since 2
    March, one of them Bob's and restricted; one approved run paid them both
    from Monday 30 March to 26 April. The agency's budget is £450.50 for March
    2026 and £12,000 a year from April (£1,000 a month)."""
    agency = AgencyFactory(name="Brightwater Fostering")
    carer = CarerFactory(provider=agency)
    ava = ChildFactory(given_name="Ava", family_name="Cole")
    ben = ChildFactory(given_name="Ben", family_name="Dunn")
    allocate_case(ava, team=team, worker=alice, on=D(2025, 1, 6), by=mona)
    allocate_case(ben, team=other_team, worker=bob, on=D(2025, 1, 6), by=sam)
    for child, worker in ((ava, alice), (ben, bob)):
        in_care(child, by=worker, on=D(2026, 3, 2), placement=fostered(carer))
    restrict_record(ben, kind="restricted", reason="A staff member's child", by=sam)
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="700",
        started_on=D(2026, 1, 1),
        by=fiona,
    )
    run = runs.preview_run(provider_kind="agency", starts_on=D(2026, 3, 30), by=fiona)
    runs.approve_run(run, by=frank)
    march = [""] * 11 + ["450.50"]
    budgets.set_budget("agency", year=2025, profile="monthly", monthly=march, by=fiona)
    budgets.set_budget("agency", year=2026, profile="even", annual="12000", by=fiona)
    return ava, ben


def test_payments_are_counted_by_month_against_the_budget(paid, mona, team):
    ava, ben = paid
    result = payments.PAYMENTS.result(YEAR, Scope())
    march, april, may = (result.bar(k) for k in ("2026-03", "2026-04", "2026-05"))
    assert (march.count, march.amount, march.budget) == (
        2,
        Decimal("400.00"),
        Decimal("450.50"),
    )
    assert (april.count, april.amount, april.budget) == (
        2,
        Decimal("5200.00"),
        Decimal("1000.00"),
    )
    assert (may.count, may.amount, may.budget) == (
        0,
        Decimal("0.00"),
        Decimal("1000.00"),
    )
    assert result.bar("2025-07").budget == Decimal("0.00")  # none in the profile
    assert april.value_words == "£5200.00 paid of £1000.00 budgeted"
    # A team's figure: its children's payments, and no budget.
    mine = payments.PAYMENTS.result(YEAR, of_team(team)).bar("2026-04")
    assert (mine.children, mine.amount, mine.budget) == (
        {ava.pk},
        Decimal("2600.00"),
        None,
    )


def test_payments_by_cost_centre_and_the_children_behind_them(paid, mona):
    ava, ben = paid
    result = payments.PAYMENTS_BY_CENTRE.result(YEAR, Scope())
    agency = result.bar("agency")
    assert (agency.count, agency.amount) == (4, Decimal("5600.00"))
    assert agency.budget == Decimal("3450.50")  # March, then April to June
    assert result.bar("childrens_home").amount == Decimal("0.00")
    shown = children.behind(mona, result, agency)
    assert [(r.person, r.item.details[1:]) for r in shown.rows] == [
        (ava, (D(2026, 3, 30), D(2026, 3, 31), Decimal("200.00"))),
        (ava, (D(2026, 4, 1), D(2026, 4, 26), Decimal("2600.00"))),
    ]
    assert (shown.unnamed_items, shown.unnamed_children) == (2, 1)  # Ben: not named


def test_payment_pages_show_pounds_and_pence(paid, sam, client):
    client.force_login(sam)
    page = client.get("/reporting/payments/").content.decode()
    assert "£5200.00" in page and "£1000.00" in page
    listed = client.get("/reporting/payments/2026-03/").content.decode()
    assert "£200.00" in listed and "£400.00 paid of £450.50 budgeted" in listed


@pytest.fixture
def supervised(today, alice, mona, team, adam):
    """Cleo, allocated since 5 January 2026 and looked after from 10 March:
    supervised on 2 March (late: 6 weeks from the allocation was 16 February),
    20 March (on time: 6 weeks, as she was not looked after on 2 March), 1 May
    (late: 4 weeks from 20 March, looked after), and 15 May (on time: the
    council set 3 weeks from 1 April, so due 22 May)."""
    cleo = ChildFactory(given_name="Cleo", family_name="Frost")
    allocate_case(cleo, team=team, worker=alice, on=D(2026, 1, 5), by=mona)
    in_care(cleo, by=alice, on=D(2026, 3, 10), placement=fostered(CarerFactory()))
    casework.set_oversight_policy(
        "cp_or_looked_after",
        3,
        reason="Practice review",
        source="Practice standards 2026",
        applies_from=D(2026, 4, 1),
        by=adam,
    )
    for day in (D(2026, 3, 2), D(2026, 3, 20), D(2026, 5, 1), D(2026, 5, 15)):
        casework.record_supervision(cleo, held_on=day, discussion="Plan", by=mona)
    return cleo


def test_oversight_is_on_time_by_the_councils_configured_period(supervised):
    items = [
        i
        for i in oversight.OVERSIGHT.compute(YEAR)
        if i.person_id == supervised.pk and i.details[0] == "Case supervision"
    ]
    assert [(i.day, i.hit, i.details[1], i.details[3]) for i in items] == [
        (
            D(2026, 3, 2),
            False,
            "Every 6 weeks (Local policy (Haven default))",
            D(2026, 2, 16),
        ),
        (
            D(2026, 3, 20),
            True,
            "Every 6 weeks (Local policy (Haven default))",
            D(2026, 4, 13),
        ),
        (
            D(2026, 5, 1),
            False,
            "Every 4 weeks (Local policy (Haven default))",
            D(2026, 4, 17),
        ),
        (
            D(2026, 5, 15),
            True,
            "Every 3 weeks (Practice standards 2026)",
            D(2026, 5, 22),
        ),
    ]
    may = oversight.OVERSIGHT.result(YEAR, Scope()).bar("2026-05")
    assert supervised.pk in may.children
    # A period from May reads the clock of its first one from before it.
    later = [
        (i.day, i.hit, i.details[2])
        for i in oversight.OVERSIGHT.compute(Span(D(2026, 5, 1), D(2026, 6, 15)))
        if i.person_id == supervised.pk and i.details[0] == "Case supervision"
    ]
    assert later == [
        (D(2026, 5, 1), False, D(2026, 3, 20)),
        (D(2026, 5, 15), True, D(2026, 5, 1)),
    ]
