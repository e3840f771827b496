"""Adjustments: a run corrects the days paid in past runs when a placement's
dates or rate changed since (recovery, arrears, rate difference), each line
saying why; an overpayment is carried from run to run until recovered; and,
over random histories, what was paid net equals what is owed, once."""

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.care.models import PeriodOfCare, Placement, Provider
from haven.care.moves import move_placement
from haven.care.period_corrections import PeriodDates, correct_period
from haven.care.services import end_period_of_care
from haven.core.errors import DomainError
from haven.core.services import allocate_case
from haven.finance import rates, runs
from haven.finance.adjustments import balances
from haven.finance.models import PaymentLine, PaymentRun, ProviderBalance
from haven.finance.owed import owed
from tests.care.factories import AgencyFactory, CarerFactory, fostered, in_care
from tests.factories import ChildFactory

D = dt.date
MARCH = D(2026, 3, 2)  # a Monday: runs of four weeks from here
APRIL = D(2026, 3, 30)
MAY = D(2026, 4, 27)
AGENCY = "agency"


@pytest.fixture
def rate(fiona, agency, today):
    return rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )


def _pay(starts_on, fiona, frank):
    run = runs.preview_run(provider_kind=AGENCY, starts_on=starts_on, by=fiona)
    return runs.close_run(runs.approve_run(run, by=frank), by=frank)


def _lines(run):
    return [
        (x.kind, x.starts_on, x.ends_on, x.weekly_rate, x.amount)
        for x in run.lines.order_by("starts_on", "kind")
    ]


def test_a_line_amount_rounds_a_recovery_as_it_rounded_the_payment():
    paid = rates.line_amount(Decimal("100.00"), 3)
    assert paid == Decimal("42.86")
    assert rates.line_amount(Decimal("-100.00"), 3) == -paid
    assert rates.line_amount(Decimal("-0.35"), 1) == Decimal("-0.05")  # half away


@pytest.mark.django_db
def test_backdated_placement_end_creates_recovery_line(
    fiona, frank, alice, placed, rate
):
    _pay(MARCH, fiona, frank)
    end_period_of_care(placed.period, on=D(2026, 3, 16), reason="E4A", by=alice)
    run = _pay(APRIL, fiona, frank)
    assert _lines(run) == [
        ("adjustment", D(2026, 3, 16), APRIL, Decimal("-840.00"), Decimal("-1680.00"))
    ]
    assert run.lines.get().reason == (
        "The placement ended on 16 March 2026, not 30 March 2026 as paid: "
        "14 days recovered"
    )
    assert (run.adjusted_from, run.total) == (MARCH, Decimal("0.00"))
    balance = ProviderBalance.objects.get(run=run)
    assert (balance.due, balance.paid_out, balance.carried_out) == (
        Decimal("-1680.00"),
        Decimal("0.00"),
        Decimal("1680.00"),
    )
    (owed,) = balances.overpayments(fiona)
    assert (owed.amount, owed.arose_in, owed.age_days) == (Decimal("1680.00"), run, 0)
    with pytest.raises(DomainError) as refused:
        runs.preview_run(provider_kind=AGENCY, starts_on=MAY, by=fiona)
    assert refused.value.code == "nothing_owed"  # recovered once, not again


@pytest.mark.django_db
def test_a_rate_agreed_late_is_paid_as_a_difference(fiona, frank, placed, rate):
    _pay(MARCH, fiona, frank)
    rates.set_placement_rate(placed, weekly_amount="900.00", started_on=MARCH, by=fiona)
    run = _pay(APRIL, fiona, frank)
    assert _lines(run) == [
        ("adjustment", MARCH, APRIL, Decimal("60.00"), Decimal("240.00")),
        ("payment", APRIL, MAY, Decimal("900.00"), Decimal("3600.00")),
    ]
    assert run.lines.get(kind="adjustment").reason == (
        "Rate agreed late: £900.00 a week from 2 March 2026, not £840.00 as paid: "
        "28 days at £60.00 a week more"
    )
    assert run.total == Decimal("3840.00")


@pytest.mark.django_db
def test_an_overpayment_is_carried_until_a_later_run_recovers_it(
    fiona, frank, alice, mona, team, agency_carer, placed, rate
):
    _pay(MARCH, fiona, frank)
    end_period_of_care(placed.period, on=D(2026, 3, 16), reason="E4A", by=alice)
    _pay(APRIL, fiona, frank)  # 1680.00 overpaid, carried
    sister = ChildFactory(given_name="Rosa", date_of_birth=D(2014, 2, 2))
    allocate_case(sister, team=team, worker=alice, on=D(2026, 1, 5), by=mona)
    in_care(sister, by=alice, on=APRIL, placement=fostered(agency_carer))  # late
    run = _pay(MAY, fiona, frank)
    assert [(k, days) for k, _s, _e, _r, days in _lines(run)] == [
        ("arrears", Decimal("3360.00")),
        ("payment", Decimal("3360.00")),
    ]
    assert run.lines.get(kind="arrears").reason.startswith(
        "Owed and never paid from 30 March 2026 to 26 April 2026: 28 days at "
        "£840.00 a week"
    )
    balance = ProviderBalance.objects.get(run=run)
    assert (balance.carried_in, balance.paid_out, balance.carried_out) == (
        Decimal("1680.00"),
        Decimal("5040.00"),
        Decimal("0.00"),
    )
    assert run.total == Decimal("5040.00")
    assert balances.overpayments(fiona) == []


@pytest.mark.django_db
def test_a_change_after_the_preview_to_a_past_day_stops_the_approval(
    fiona, frank, alice, placed, rate
):
    _pay(MARCH, fiona, frank)
    run = runs.preview_run(provider_kind=AGENCY, starts_on=APRIL, by=fiona)
    end_period_of_care(placed.period, on=D(2026, 3, 23), reason="E4A", by=alice)
    with pytest.raises(DomainError) as refused:
        runs.approve_run(run, by=frank)
    assert refused.value.code == "changed_since_preview"


@pytest.mark.django_db
def test_adjustments_look_back_only_as_far_as_the_setting(
    fiona, frank, alice, placed, rate
):
    _pay(MARCH, fiona, frank)
    end_period_of_care(placed.period, on=D(2026, 3, 16), reason="E4A", by=alice)
    with override_settings(HAVEN_FINANCE_ADJUSTMENT_LOOKBACK_DAYS=7):
        run = runs.preview_run(provider_kind=AGENCY, starts_on=APRIL, by=fiona)
    assert run.adjusted_from == D(2026, 3, 23)
    assert _lines(run) == [
        ("adjustment", D(2026, 3, 23), APRIL, Decimal("-840.00"), Decimal("-840.00"))
    ]


@pytest.mark.django_db
def test_the_first_run_pays_no_arrears_from_before_haven(fiona, alice, child, rate):
    """Days before the first run Haven made were paid before Haven."""
    in_care(child, by=alice, on=D(2026, 1, 5), placement=fostered(_carer()))
    run = runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    assert run.adjusted_from is None
    assert {x.kind for x in run.lines.all()} == {PaymentLine.Kind.PAYMENT}


def _carer():
    return CarerFactory(provider=Provider.objects.get(name="Brightwater Fostering"))


# --- the invariant ---------------------------------------------------------------


AMOUNTS = ("840.00", "910.50", "777.77", "1000.00")
ONE_DAY = dt.timedelta(days=1)
OPS = st.lists(
    st.lists(
        st.tuples(
            st.sampled_from(["move", "end", "correct_end", "rate", "spot", "late"]),
            st.integers(-14, 83),  # days from 2 March 2026
            st.integers(0, 3),
        ),
        max_size=3,
    ),
    min_size=3,
    max_size=3,
)


class History:
    """Two agencies, three carers and a child placed from 16 February, changed
    through care's and finance's services as the operations say."""

    def __init__(self, alice, mona, team, fiona):
        self.alice, self.mona, self.team, self.fiona = alice, mona, team, fiona
        self.agencies = [AgencyFactory(name=n) for n in ("Ash Fostering", "Birch")]
        for agency in self.agencies:
            rates.set_provider_rate(
                agency,
                basis="framework",
                weekly_amount="840.00",
                started_on=D(2026, 1, 1),
                by=fiona,
            )
        a, b = self.agencies
        self.carers = [CarerFactory(provider=p) for p in (a, a, b, b)]
        self.children = []
        self.late(D(2026, 2, 16), 0)

    def late(self, day, choice):
        child = ChildFactory(date_of_birth=D(2012, 6, 1))
        allocate_case(child, team=self.team, worker=self.alice, on=day, by=self.mona)
        in_care(child, by=self.alice, on=day, placement=fostered(self.carers[choice]))
        self.children.append(child)

    def apply(self, op, offset, choice):
        day = MARCH + dt.timedelta(days=offset)
        child = self.children[choice % len(self.children)]
        period = PeriodOfCare.objects.filter(person=child).order_by("-pk").first()
        placement = period.placements.order_by("-started_on").first()
        try:
            with transaction.atomic():
                self._do(op, day, choice, period, placement)
        except DomainError:
            pass  # care or finance refused it: the history stays as it was

    def _do(self, op, day, choice, period, placement):
        by = self.alice
        if op == "move" and period.ended_on is None:
            detail = fostered(self.carers[choice])
            move_placement(period, on=day, placement=detail, reason="CARPL", by=by)
        elif op == "end" and period.ended_on is None:
            end_period_of_care(period, on=day, reason="E4A", by=by)
        elif op == "correct_end" and period.ended_on is not None:
            dates = PeriodDates(period.started_on, period.need, day, "E4A")
            correct_period(period, dates=dates, why="From the court's letter", by=by)
        elif op == "rate":
            rates.set_provider_rate(
                self.agencies[choice % 2],
                basis="rate_card",
                weekly_amount=AMOUNTS[choice],
                started_on=day,
                by=self.fiona,
            )
        elif op == "spot":
            rates.set_placement_rate(
                placement, weekly_amount=AMOUNTS[choice], started_on=day, by=self.fiona
            )
        elif op == "late" and len(self.children) < 3:
            self.late(day, choice)


def _paid_net():
    net = defaultdict(lambda: Decimal("0.00"))
    once = defaultdict(int)
    for line in PaymentLine.objects.filter(paid=True):
        day = line.starts_on
        while day < line.ends_on:
            net[(line.placement_id, line.provider_id, day)] += line.weekly_rate
            once[(line.placement_id, day)] += line.kind in ("payment", "arrears")
            day += ONE_DAY
    return {k: v for k, v in net.items() if v}, once


def _owed(agencies, first, stop):
    found = {}
    for line in owed(agencies, starts_on=first, ends_on=stop):
        assert line.weekly_rate is not None  # every day is priced
        day = line.starts_on
        while day < line.ends_on:
            found[(line.placement_id, line.provider_id, day)] = line.weekly_rate
            day += ONE_DAY
    return found


@pytest.mark.django_db
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(operations=OPS)
def test_what_was_paid_net_equals_what_is_owed_once(
    fiona, frank, alice, mona, team, today, operations
):
    with transaction.atomic():
        history = History(alice, mona, team, fiona)
        for starts_on, ops in zip((MARCH, APRIL, MAY), operations, strict=True):
            for op in ops:
                history.apply(*op)
            try:
                _pay(starts_on, fiona, frank)
            except DomainError as refused:
                assert refused.code == "nothing_owed"
        paid = PaymentRun.objects.filter(status="closed")
        if paid.exists():
            first = min(run.starts_on for run in paid)
            net, once = _paid_net()
            net = {k: v for k, v in net.items() if k[2] >= first}
            assert net == _owed(history.agencies, first, D(2026, 5, 25))
            assert max(once.values()) == 1, "a day paid twice"
            assert Placement.objects.exists()
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_late_recorded_move_recovers_from_one_agency_and_pays_the_other(
    fiona, frank, alice, placed, rate
):
    other = AgencyFactory(name="Cedar Fostering")
    rates.set_provider_rate(
        other, basis="rate_card", weekly_amount="700.00", started_on=MARCH, by=fiona
    )
    _pay(MARCH, fiona, frank)
    move_placement(
        placed.period,
        on=D(2026, 3, 16),
        placement=fostered(CarerFactory(provider=other)),
        reason="CARPL",
        by=alice,
    )
    run = _pay(APRIL, fiona, frank)
    lines = run.lines.order_by("provider__name", "starts_on")
    assert [(x.provider.name, x.kind, x.starts_on, x.amount) for x in lines] == [
        ("Brightwater Fostering", "adjustment", D(2026, 3, 16), Decimal("-1680.00")),
        ("Cedar Fostering", "arrears", D(2026, 3, 16), Decimal("1400.00")),
        ("Cedar Fostering", "payment", APRIL, Decimal("2800.00")),
    ]
    assert lines[0].reason.startswith("The placement ended on 16 March 2026")


@pytest.mark.django_db
def test_approval_refuses_a_day_paid_since_the_preview(fiona, frank, placed, rate):
    """The service keeps "paid once" on every database, not only where
    PostgreSQL's exclusion constraint does."""
    run = runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    line = run.lines.get()
    line.pk, line.paid = None, True  # as if another run had paid the same days
    if connection.vendor == "postgresql":
        pytest.skip("the exclusion constraint refuses it first")
    line.run = run
    line.save()
    with pytest.raises(DomainError) as refused:
        runs.approve_run(run, by=frank)
    assert "paid_twice" in {f.code for f in refused.value.failures}
