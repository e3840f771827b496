"""One-off payments: request, approve (a second finance officer), cancel, and
join the payee's next run.

Journal events, on the child's record:
  finance.one_off_requested  {"payment", "kind", "reason", "amount",
                              "provider", "carer"}
  finance.one_off_approved   {"payment", "amount"}
  finance.one_off_cancelled  {"payment", "amount"}
  finance.one_off_in_run     {"payment", "amount", "run"}
"""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from haven.care.models import Carer, Placement, Provider
from haven.core import clock, journal
from haven.core.errors import Failures
from haven.core.permissions import may_manage_payments, require
from haven.finance.bank import payees
from haven.finance.models import PaymentRun
from haven.finance.oneoff.models import OneOffPayment
from haven.people.models import Person

PENNY = Decimal("0.01")
Status = OneOffPayment.Status


def _may(by: Any) -> None:
    require(may_manage_payments(by), "Only a finance officer may make payments")


def amount_of(value: Any, failures: Failures) -> Decimal:
    """Pounds to the penny, more than nothing; a fault if not."""
    try:
        amount = Decimal(str(value or "").strip().lstrip("£").replace(",", ""))
    except (InvalidOperation, ValueError):
        amount = Decimal("0")
    if isinstance(value, float) or not amount.is_finite() or amount <= 0:
        failures.add(
            "amount_invalid", "Enter the amount in pounds, like 150.00", "amount"
        )
        return Decimal("0.00")
    if amount != amount.quantize(PENNY):
        failures.add(
            "amount_not_pennies",
            "Enter the amount to the penny, with no more than 2 decimal places",
            "amount",
        )
    return amount.quantize(PENNY)


def placed_with(payee: Provider | Carer) -> "Any":
    """The placements with this payee, whose children a one-off may be for."""
    if isinstance(payee, Carer):
        return Placement.objects.filter(carer=payee)
    return Placement.objects.filter(provider=payee)


@transaction.atomic
def request_one_off(
    payee: Provider | Carer,
    *,
    child: Person | None,
    kind: str,
    reason: str,
    amount: Any,
    by: Any,
) -> OneOffPayment:
    """A one-off payment to a provider or in-house carer for a child placed
    with them, waiting for a second finance officer's approval."""
    _may(by)
    failures = Failures()
    if child is None or not placed_with(payee).filter(period__person=child).exists():
        failures.add(
            "child_not_placed", "Choose a child placed with this payee", "child"
        )
    if kind not in OneOffPayment.Kind.values:
        failures.add("kind_invalid", "Choose what the payment is for", "kind")
    reason = (reason or "").strip()
    if kind == OneOffPayment.Kind.OTHER and not reason:
        failures.add("reason_required", "Enter what the payment is for", "reason")
    value = amount_of(amount, failures)
    failures.raise_any()
    assert child is not None
    payee_of = payees.of_record(payee)
    payment = OneOffPayment.objects.create(
        child=child,
        provider_id=payee_of.provider_id,
        carer_id=payee_of.carer_id,
        kind=kind,
        reason=reason,
        amount=value,
        requested_by=by,
        requested_at=clock.now(),
    )
    _journal(
        payment,
        "finance.one_off_requested",
        by=by,
        kind=kind,
        reason=reason,
        provider=payment.provider_id,
        carer=payment.carer_id,
    )
    return payment


@transaction.atomic
def approve_one_off(payment: OneOffPayment, *, by: Any) -> OneOffPayment:
    """A second finance officer approves it: the payee's next run pays it."""
    _may(by)
    payment = OneOffPayment.objects.select_for_update().get(pk=payment.pk)
    failures = Failures()
    if payment.status != Status.REQUESTED:
        failures.add("not_waiting", "This payment is not waiting for approval")
    if payment.requested_by_id == by.pk:
        failures.add(
            "same_officer",
            "A second finance officer must approve the payment: you requested it",
        )
    failures.raise_any()
    payment.status, payment.approved_by, payment.approved_at = (
        Status.APPROVED,
        by,
        clock.now(),
    )
    payment.save(update_fields=["status", "approved_by", "approved_at"])
    _journal(payment, "finance.one_off_approved", by=by)
    return payment


@transaction.atomic
def cancel_one_off(payment: OneOffPayment, *, by: Any) -> OneOffPayment:
    """Not to be paid: only while no run in hand or paid holds it."""
    _may(by)
    payment = OneOffPayment.objects.select_for_update().get(pk=payment.pk)
    failures = Failures()
    if payment.status == Status.CANCELLED:
        failures.add("cancelled", "This payment is already cancelled")
    elif payment.run is not None and payment.run.status != "cancelled":
        failures.add(
            "in_run",
            "This payment is in a payment run: cancel the run first, or recover "
            "the payment from the payee",
        )
    failures.raise_any()
    payment.status, payment.run = Status.CANCELLED, None
    payment.save(update_fields=["status", "run"])
    _journal(payment, "finance.one_off_cancelled", by=by)
    return payment


def include_in_run(run: PaymentRun, *, by: Any) -> Decimal:
    """Put the one-off payments approved for this kind of provider before the
    run was previewed, and in no live run, in it (inside its transaction);
    their total."""
    waiting = (
        OneOffPayment.objects.select_for_update(of=("self",))
        .filter(
            status=Status.APPROVED,
            provider__kind=run.provider_kind,
            approved_at__lte=run.previewed_at,  # a history built run by run
        )
        .exclude(run__status__in=("previewed", "approved", "closed"))
        .order_by("pk")
    )
    total = Decimal("0.00")
    for payment in waiting:
        payment.run = run
        payment.save(update_fields=["run"])
        total += payment.amount
        _journal(payment, "finance.one_off_in_run", by=by, run=run.pk)
    return total


def _journal(payment: OneOffPayment, event_type: str, *, by: Any, **more: Any) -> None:
    journal.append(
        payment.child,
        event_type,
        {"payment": payment.pk, "amount": str(payment.amount), **more},
        by=by,
    )
