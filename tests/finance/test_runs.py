"""Payment runs: previewed, approved by a second finance officer, closed; no day
paid twice, and two runs started at once cannot both pay."""

import csv
import datetime as dt
import io
import threading
from decimal import Decimal

import pytest
from django.db import connection

from haven.care.moves import move_placement
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.finance import rates, runs
from haven.finance.models import PaymentFrequency, PaymentLine, PaymentRun
from tests.care.factories import fostered

D = dt.date
MARCH = D(2026, 3, 2)  # a Monday; four weeks to 30 March
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


def _lines(run):
    return [(x.starts_on, x.ends_on, x.days, x.amount, x.paid) for x in run.lines.all()]


@pytest.mark.django_db
def test_a_run_is_previewed_approved_by_another_officer_and_closed(
    fiona, frank, placed, rate
):
    run = runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    assert (run.ends_on, run.frequency, run.total) == (
        D(2026, 3, 30),
        "four_weekly",
        Decimal("3360.00"),
    )
    assert _lines(run) == [(MARCH, D(2026, 3, 30), 28, Decimal("3360.00"), False)]
    runs.approve_run(run, by=frank)
    runs.close_run(run, by=frank)
    run.refresh_from_db()
    assert (run.status, run.approved_by, run.closed_by) == ("closed", frank, frank)
    assert _lines(run)[0][-1] is True
    events = JournalEvent.objects.filter(
        person=placed.period.person, type__startswith="finance.payment"
    )
    assert [e.type for e in events.order_by("sequence")] == [
        "finance.payment_previewed",
        "finance.payment_approved",
        "finance.payment_run_closed",
    ]
    assert events.last().payload["lines"][0]["amount"] == "3360.00"


@pytest.mark.django_db
def test_the_officer_who_previewed_may_not_approve(fiona, placed, rate):
    run = runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    with pytest.raises(DomainError) as refused:
        runs.approve_run(run, by=fiona)
    assert refused.value.code == "same_officer"
    assert not PaymentLine.objects.filter(paid=True).exists()


@pytest.mark.django_db
def test_it_names_every_fault_at_once(fiona, frank, placed, rate):
    with pytest.raises(DomainError) as refused:
        runs.preview_run(provider_kind=AGENCY, starts_on=D(2026, 3, 3), by=fiona)
    assert refused.value.code == "not_monday"
    with pytest.raises(DomainError) as refused:
        runs.preview_run(provider_kind=AGENCY, starts_on=D(2026, 6, 1), by=fiona)
    assert refused.value.code == "period_not_ended"
    PaymentFrequency.objects.create(provider_kind=AGENCY, frequency="monthly")
    run = runs.preview_run(provider_kind=AGENCY, starts_on=D(2026, 3, 1), by=fiona)
    assert (run.ends_on, run.total) == (D(2026, 4, 1), Decimal("3600.00"))  # 30 days
    with pytest.raises(DomainError) as refused:
        runs.preview_run(provider_kind=AGENCY, starts_on=D(2026, 4, 1), by=fiona)
    assert refused.value.code == "run_in_hand"
    with pytest.raises(DomainError) as refused:
        runs.close_run(run, by=frank)
    assert refused.value.code == "not_approved"


@pytest.mark.django_db
def test_a_second_run_for_a_closed_period_pays_only_what_is_unpaid(
    fiona, frank, agency, placed, today
):
    rates.set_provider_rate(
        agency,
        basis="rate_card",
        weekly_amount="700.00",
        started_on=D(2026, 3, 16),
        by=fiona,
    )
    run = runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    assert [(x.starts_on, x.days) for x in run.lines.all()] == [(D(2026, 3, 16), 14)]
    assert run.faults[:1] == [  # then the payee's bank details (test_bank.py)
        "No rate for Jasmine Thackray with Brightwater Fostering from 2 March 2026 "
        "to 15 March 2026 (14 days): set a rate, then preview again to pay them"
    ]
    runs.close_run(runs.approve_run(run, by=frank), by=frank)
    rates.set_placement_rate(
        placed,
        weekly_amount="770.00",
        started_on=MARCH,
        ended_on=D(2026, 3, 16),
        by=fiona,
    )
    again = runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    assert [(x.starts_on, x.days, x.amount) for x in again.lines.all()] == [
        (MARCH, 14, Decimal("1540.00"))
    ]
    runs.close_run(runs.approve_run(again, by=frank), by=frank)
    with pytest.raises(DomainError) as refused:
        runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    assert refused.value.code == "nothing_owed"


@pytest.mark.django_db
def test_a_placement_changed_after_the_preview_stops_the_approval(
    fiona, frank, alice, carer, placed, rate
):
    run = runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    move_placement(
        placed.period,
        on=D(2026, 3, 16),
        placement=fostered(carer),
        reason="CARPL",
        by=alice,
    )
    with pytest.raises(DomainError) as refused:
        runs.approve_run(run, by=frank)
    assert refused.value.code == "changed_since_preview"
    runs.cancel_run(run, by=frank)
    again = runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    assert again.total == Decimal("1680.00")


@pytest.mark.django_db
def test_only_finance_officers_run_payments(alice, placed, rate):
    with pytest.raises(DomainError) as refused:
        runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=alice)
    assert refused.value.code == "not_permitted"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks")
@pytest.mark.django_db(transaction=True)
def test_two_runs_started_at_once_cannot_both_pay(fiona, frank, placed, rate):
    from django.db import connections

    start = threading.Barrier(2)
    outcomes = []

    def preview(by):
        try:
            start.wait()
            runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=by)
            outcomes.append("previewed")
        except DomainError as refused:
            outcomes.append(refused.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=preview, args=(u,)) for u in (fiona, frank)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["previewed", "run_in_hand"]
    assert PaymentRun.objects.count() == 1


@pytest.mark.django_db
def test_the_payment_file_is_formula_safe_and_for_approved_runs(
    fiona, frank, agency, placed, rate
):
    from haven.finance import payment_file

    agency.name = "=HYPERLINK(evil)"
    agency.save()
    run = runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona)
    with pytest.raises(DomainError) as refused:
        list(payment_file.rows(run, by=fiona))
    assert refused.value.code == "not_approved"
    run = runs.approve_run(run, by=frank)
    out = io.StringIO()
    payment_file.write(run, out, by=fiona)
    header, line = csv.reader(io.StringIO(out.getvalue()))
    assert header == list(payment_file.COLUMNS)
    row = dict(zip(header, line, strict=True))
    assert row["provider"] == "'=HYPERLINK(evil)"  # text, never a formula
    assert (row["from"], row["to"], row["days"], row["amount"]) == (
        "2026-03-02",
        "2026-03-29",
        "28",
        "3360.00",
    )
    assert row["child_id"] == placed.period.person.la_child_id


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraint")
@pytest.mark.django_db
def test_the_database_refuses_a_day_paid_twice(fiona, frank, placed, rate):
    from django.db import IntegrityError, transaction

    run = runs.approve_run(
        runs.preview_run(provider_kind=AGENCY, starts_on=MARCH, by=fiona), by=frank
    )
    paid = run.lines.get()
    paid.pk = None
    paid.starts_on, paid.ends_on, paid.days = D(2026, 3, 29), D(2026, 4, 2), 4
    with pytest.raises(IntegrityError), transaction.atomic():
        paid.save()
