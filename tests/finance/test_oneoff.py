"""One-off payments: requested against a child and a payee, approved by a
second finance officer, paid in the payee's next run as lines of their own."""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.finance import payment_file, rates, runs
from haven.finance.oneoff import services
from haven.finance.oneoff.models import OneOffPayment

pytestmark = pytest.mark.django_db
D = dt.date
MARCH = D(2026, 3, 2)


@pytest.fixture
def rate(fiona, agency, today):
    return rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=D(2026, 1, 1),
        by=fiona,
    )


@pytest.fixture
def birthday(fiona, frank, agency, placed):
    child = placed.period.person
    asked = services.request_one_off(
        agency, child=child, kind="birthday", reason="", amount="75.50", by=fiona
    )
    return services.approve_one_off(asked, by=frank)


def test_an_approved_one_off_is_paid_in_the_next_run(
    fiona, frank, agency, placed, rate, birthday
):
    run = runs.preview_run(provider_kind="agency", starts_on=MARCH, by=fiona)
    assert run.total == Decimal("3435.50")  # 3360.00 for the days, and 75.50
    birthday.refresh_from_db()
    assert birthday.run == run
    run = runs.approve_run(run, by=frank)
    out = io.StringIO()
    payment_file.write(run, out, by=fiona)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["payment"], r["amount"], r["days"]) for r in rows] == [
        ("placement", "3360.00", "28"),
        ("one-off: birthday", "75.50", ""),
    ]
    assert sum(Decimal(r["amount"]) for r in rows) == run.total
    again = JournalEvent.objects.filter(type="finance.one_off_in_run").get()
    assert again.payload == {"payment": birthday.pk, "amount": "75.50", "run": run.pk}


def test_a_cancelled_runs_one_offs_wait_for_the_next(
    fiona, frank, agency, placed, rate, birthday
):
    run = runs.preview_run(provider_kind="agency", starts_on=MARCH, by=fiona)
    with pytest.raises(DomainError) as refused:
        services.cancel_one_off(birthday, by=frank)
    assert refused.value.code == "in_run"
    runs.cancel_run(run, by=frank)
    again = runs.preview_run(provider_kind="agency", starts_on=MARCH, by=fiona)
    birthday.refresh_from_db()
    assert birthday.run == again


def test_it_names_every_fault_at_once(fiona, agency, placed, today):
    with pytest.raises(DomainError) as refused:
        services.request_one_off(
            agency, child=None, kind="other", reason=" ", amount="12.345", by=fiona
        )
    assert refused.value.codes == [
        "child_not_placed",
        "reason_required",
        "amount_not_pennies",
    ]


def test_the_requester_may_not_approve(fiona, agency, placed, today):
    asked = services.request_one_off(
        agency,
        child=placed.period.person,
        kind="holiday",
        reason="",
        amount="200",
        by=fiona,
    )
    with pytest.raises(DomainError) as refused:
        services.approve_one_off(asked, by=fiona)
    assert refused.value.code == "same_officer"
    assert OneOffPayment.objects.get().amount == Decimal("200.00")


def test_a_one_off_only_for_a_child_placed_with_the_payee(
    fiona, fostering, placed, today
):
    with pytest.raises(DomainError) as refused:
        services.request_one_off(
            fostering,
            child=placed.period.person,
            kind="holiday",
            reason="",
            amount="20.00",
            by=fiona,
        )
    assert refused.value.code == "child_not_placed"
