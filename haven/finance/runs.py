"""Payment runs: preview, approve by a second finance officer, close.

A run pays one kind of provider (the authority's foster carers, agencies,
homes...) for one period, at the frequency that kind is paid (data:
`PaymentFrequency`; `DEFAULT_FREQUENCY` until one is set): a week or four
weeks from a Monday, or a calendar month. Runs pay in arrears, for periods
that have ended.

- `preview_run` reads what is owed (haven.finance.owed) less the days already
  paid, and writes the lines, unpaid, for a second finance officer to check.
  Days with no rate are listed as faults and left owed. It adds the
  adjustment lines for past days (haven.finance.adjustments: arrears,
  recoveries, rate differences, each with its reason) and each provider's
  balance: an overpayment a provider owes is recovered before they are paid.
- `approve_run` (not by the one who previewed) marks the lines paid, after
  checking the placements and rates still give the same lines, adjustments
  included, and that no day would be paid twice.
- `close_run` records that the payment file went to the ledger.

Paid days are recorded per line, so a second run for a closed period pays only
what is owed and unpaid (usually nothing). Every preview and approval of a
kind's runs first locks that kind's `RunLock` row (select_for_update), so two
started at once take turns and the second sees the first; on PostgreSQL an
exclusion constraint also refuses two paid lines sharing a day of a placement.
Each child with lines gets a journal event at each step, with their lines.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef

from haven.care.models import Provider
from haven.core import clock, journal
from haven.core.errors import Failures
from haven.core.permissions import may_manage_payments, require
from haven.finance import run_extras
from haven.finance.adjustments import balances
from haven.finance.adjustments.compare import ONCE, Adjustment, Window
from haven.finance.adjustments.read import due as adjustments_due
from haven.finance.adjustments.window import window
from haven.finance.models import (
    Frequency,
    PaymentFrequency,
    PaymentLine,
    PaymentRun,
    RunLock,
)
from haven.finance.owed import Line, owed
from haven.people.models import Person

DEFAULT_FREQUENCY = {
    Provider.Kind.LA_FOSTERING: Frequency.WEEKLY,
    Provider.Kind.AGENCY: Frequency.FOUR_WEEKLY,
}


def frequency_of(kind: str) -> str:
    """How often this kind of provider is paid."""
    row = PaymentFrequency.objects.filter(provider_kind=kind).first()
    if row is not None:
        return row.frequency
    return DEFAULT_FREQUENCY.get(kind, Frequency.MONTHLY)  # type: ignore[call-overload]


def period_end(frequency: str, starts_on: dt.date) -> dt.date:
    """The first day after the period starting `starts_on`."""
    if frequency == Frequency.WEEKLY:
        return starts_on + dt.timedelta(days=7)
    if frequency == Frequency.FOUR_WEEKLY:
        return starts_on + dt.timedelta(days=28)
    year, month = divmod(starts_on.month, 12)
    return starts_on.replace(year=starts_on.year + year, month=month + 1, day=1)


def _check_period(frequency: str, starts_on: Any, failures: Failures) -> None:
    if not isinstance(starts_on, dt.date):
        failures.add("start_required", "Enter the first day of the period", "starts_on")
        return
    if frequency == Frequency.MONTHLY and starts_on.day != 1:
        failures.add(
            "not_month_start",
            "This kind of provider is paid monthly: start the period on the "
            "first day of a month",
            "starts_on",
        )
    elif frequency != Frequency.MONTHLY and starts_on.weekday() != 0:
        failures.add(
            "not_monday",
            "This kind of provider is paid by the week: start the period on a Monday",
            "starts_on",
        )
    elif period_end(frequency, starts_on) > clock.today():
        failures.add(
            "period_not_ended",
            "The period has not ended yet: a run pays for days that have passed",
            "starts_on",
        )


def _lock(kind: str) -> None:
    RunLock.objects.get_or_create(provider_kind=kind)
    RunLock.objects.select_for_update().get(provider_kind=kind)


def _paid_days(
    kind: str, starts_on: dt.date, ends_on: dt.date
) -> set[tuple[int, dt.date]]:
    lines = PaymentLine.objects.filter(
        paid=True,
        kind__in=ONCE,
        provider__kind=kind,
        starts_on__lt=ends_on,
        ends_on__gt=starts_on,
    ).values_list("placement_id", "starts_on", "ends_on")
    days = set()
    for placement, first, stop in lines:
        day = max(first, starts_on)
        while day < min(stop, ends_on):
            days.add((placement, day))
            day += dt.timedelta(days=1)
    return days


def owed_unpaid(kind: str, starts_on: dt.date, ends_on: dt.date) -> list[Line]:
    """What is owed to this kind's providers for the period and not yet paid."""
    paid = _paid_days(kind, starts_on, ends_on)
    return owed(
        Provider.objects.filter(kind=kind),
        starts_on=starts_on,
        ends_on=ends_on,
        paid=lambda placement, day: (placement, day) in paid,
    )


def _unpriced_faults(lines: Iterable[Line]) -> list[str]:
    people = {
        p.pk: p for p in Person.objects.filter(pk__in={x.child_id for x in lines})
    }
    providers = {
        p.pk: p for p in Provider.objects.filter(pk__in={x.provider_id for x in lines})
    }
    return [
        f"No rate for {people[x.child_id]} with {providers[x.provider_id]} from "
        f"{x.starts_on:%-d %B %Y} to {x.last_day:%-d %B %Y} ({x.days} days): "
        "set a rate, then preview again to pay them"
        for x in lines
        if x.weekly_rate is None
    ]


@transaction.atomic
def preview_run(*, provider_kind: str, starts_on: dt.date, by: Any) -> PaymentRun:
    """Work out a run for this kind of provider and period: its lines, unpaid,
    waiting for a second finance officer's approval."""
    require(may_manage_payments(by), "Only a finance officer may run payments")
    failures = Failures()
    if provider_kind not in Provider.Kind.values:
        failures.add(
            "kind_invalid", "Choose the kind of provider to pay", "provider_kind"
        )
        failures.raise_any()
    frequency = frequency_of(provider_kind)
    _check_period(frequency, starts_on, failures)
    failures.raise_any()
    _lock(provider_kind)
    ends_on = period_end(frequency, starts_on)
    if PaymentRun.objects.filter(
        provider_kind=provider_kind, status__in=("previewed", "approved")
    ).exists():
        failures.add(
            "run_in_hand",
            "A run for these providers is waiting to be approved or closed: "
            "finish it before starting another",
        )
    lines = owed_unpaid(provider_kind, starts_on, ends_on)
    priced = [x for x in lines if x.weekly_rate is not None]
    past = window(provider_kind, starts_on)
    adjusting = adjustments_due(provider_kind, past) if past else []
    if not priced and not adjusting and not failures:
        failures.add(
            "nothing_owed",
            "Nothing is owed for this period: every day placed has been paid",
        )
    failures.raise_any()
    run = PaymentRun.objects.create(
        provider_kind=provider_kind,
        frequency=frequency,
        starts_on=starts_on,
        ends_on=ends_on,
        total=Decimal("0.00"),
        faults=_unpriced_faults(lines),
        previewed_by=by,
        previewed_at=clock.now(),
        adjusted_from=past.starts_on if past else None,
    )
    every: list[Line | Adjustment] = [*priced, *adjusting]
    PaymentLine.objects.bulk_create(_row(run, x) for x in every)
    run.total = balances.write(run)
    run.save(update_fields=["total"])
    run_extras.after_preview(run, by=by)  # one-off payments, bank details faults
    _journal(run, "finance.payment_previewed", by=by)
    return run


def _row(run: PaymentRun, line: Line | Adjustment) -> PaymentLine:
    assert line.weekly_rate is not None and line.amount is not None  # priced
    return PaymentLine(
        run=run,
        placement_id=line.placement_id,
        child_id=line.child_id,
        provider_id=line.provider_id,
        starts_on=line.starts_on,
        ends_on=line.ends_on,
        days=line.days,
        weekly_rate=line.weekly_rate,
        amount=line.amount,
        kind=getattr(line, "kind", PaymentLine.Kind.PAYMENT),
        reason=getattr(line, "reason", ""),
    )


def _same_lines(run: PaymentRun) -> bool:
    """Whether the placements and rates still give the lines previewed, the
    adjustments for past days included."""
    now = {
        (
            x.placement_id,
            x.provider_id,
            x.starts_on,
            x.ends_on,
            x.weekly_rate,
            "payment",
        )
        for x in owed_unpaid(run.provider_kind, run.starts_on, run.ends_on)
        if x.weekly_rate is not None
    }
    if run.adjusted_from is not None:
        past = Window(run.adjusted_from, run.starts_on)
        now |= {
            (
                x.placement_id,
                x.provider_id,
                x.starts_on,
                x.ends_on,
                x.weekly_rate,
                x.kind,
            )
            for x in adjustments_due(run.provider_kind, past)
        }
    then = set(
        run.lines.values_list(
            "placement_id", "provider_id", "starts_on", "ends_on", "weekly_rate", "kind"
        )
    )
    return now == then


def _paid_twice(run: PaymentRun) -> bool:
    """Whether a payment or arrears line of the run shares a day of its
    placement with one already paid (the rule PostgreSQL's exclusion constraint
    also keeps, checked here on every database)."""
    earlier = PaymentLine.objects.filter(
        paid=True,
        kind__in=ONCE,
        placement=OuterRef("placement"),
        starts_on__lt=OuterRef("ends_on"),
        ends_on__gt=OuterRef("starts_on"),
    )
    return run.lines.filter(kind__in=ONCE).filter(Exists(earlier)).exists()


def _locked(run: PaymentRun) -> PaymentRun:
    _lock(run.provider_kind)
    return PaymentRun.objects.select_for_update().get(pk=run.pk)


@transaction.atomic
def approve_run(run: PaymentRun, *, by: Any) -> PaymentRun:
    """A second finance officer approves the run: its lines' days are paid."""
    require(may_manage_payments(by), "Only a finance officer may approve payments")
    run = _locked(run)
    failures = Failures()
    if run.status != PaymentRun.Status.PREVIEWED:
        failures.add("not_waiting", "This run is not waiting for approval")
    if run.previewed_by_id == by.pk:
        failures.add(
            "same_officer",
            "A second finance officer must approve the run: you previewed it",
        )
    if run.status == PaymentRun.Status.PREVIEWED and not _same_lines(run):
        failures.add(
            "changed_since_preview",
            "The placements or rates changed since this run was previewed: "
            "cancel it and preview the period again",
        )
    if run.status == PaymentRun.Status.PREVIEWED and _paid_twice(run):
        failures.add(
            "paid_twice",
            "A day in this run has been paid since it was previewed: cancel it "
            "and preview the period again",
        )
    failures.raise_any()
    run.lines.update(paid=True)
    run.status = PaymentRun.Status.APPROVED
    run.approved_by, run.approved_at = by, clock.now()
    run.save(update_fields=["status", "approved_by", "approved_at"])
    _journal(run, "finance.payment_approved", by=by)
    return run


@transaction.atomic
def close_run(run: PaymentRun, *, by: Any) -> PaymentRun:
    """The approved run's payment file has gone to the ledger: it is closed."""
    require(may_manage_payments(by), "Only a finance officer may close a run")
    run = _locked(run)
    failures = Failures()
    if run.status != PaymentRun.Status.APPROVED:
        failures.add("not_approved", "Only an approved run can be closed")
    failures.raise_any()
    run.status = PaymentRun.Status.CLOSED
    run.closed_by, run.closed_at = by, clock.now()
    run.save(update_fields=["status", "closed_by", "closed_at"])
    _journal(run, "finance.payment_run_closed", by=by)
    return run


@transaction.atomic
def cancel_run(run: PaymentRun, *, by: Any) -> PaymentRun:
    """A previewed run is not to be paid (its lines stay, unpaid, as history)."""
    require(may_manage_payments(by), "Only a finance officer may cancel a run")
    run = _locked(run)
    failures = Failures()
    if run.status != PaymentRun.Status.PREVIEWED:
        failures.add("not_waiting", "Only a run waiting for approval can be cancelled")
    failures.raise_any()
    run.status = PaymentRun.Status.CANCELLED
    run.save(update_fields=["status"])
    _journal(run, "finance.payment_run_cancelled", by=by)
    return run


def _journal(run: PaymentRun, event_type: str, *, by: Any) -> None:
    """One event on each child's journal, with their lines in this run."""
    # As values, not objects: a run has thousands of lines.
    lines = run.lines.order_by("child", "starts_on").values(
        "child_id",
        "placement_id",
        "provider_id",
        "provider__name",
        "starts_on",
        "ends_on",
        "days",
        "weekly_rate",
        "amount",
        "kind",
        "reason",
    )
    by_child: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for line in lines:
        by_child[line["child_id"]].append(
            {
                "placement": line["placement_id"],
                "provider": line["provider_id"],
                "provider_name": line["provider__name"],
                "from": line["starts_on"].isoformat(),
                "to": line["ends_on"].isoformat(),
                "days": line["days"],
                "weekly_rate": str(line["weekly_rate"]),
                "amount": str(line["amount"]),
                "kind": line["kind"],
                "reason": line["reason"],
            }
        )
    period = [run.starts_on.isoformat(), run.ends_on.isoformat()]
    # In one batch: a run pays thousands of children, and appending to each
    # stream in turn took two queries a child (journal.append_many).
    journal.append_many(
        [
            (child, event_type, {"run": run.pk, "period": period, "lines": lines})
            for child in Person.objects.filter(pk__in=by_child)
            .only("pk")
            .order_by("pk")
            for lines in [by_child[child.pk]]
        ],
        by=by,
    )
