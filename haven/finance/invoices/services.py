"""Recording a provider's invoice, and approving or disputing it.

Only a finance officer records, approves or disputes. Each step is journaled
on the journal of every child the invoice bills or the placements say is owed
for, with that child's own line and differences only (never another child's
name), in the same transaction as the change.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from haven.care.models import Provider
from haven.core import clock, journal
from haven.core.errors import Failures, ordinal
from haven.core.permissions import may_manage_payments, require
from haven.finance.invoices import matching
from haven.finance.invoices.models import Invoice, InvoiceLine
from haven.finance.owed import owed
from haven.finance.rates import PENNY
from haven.people.models import Person

ONE_DAY = dt.timedelta(days=1)
LONGEST_PERIOD = 366


@dataclass(frozen=True)
class TypedLine:
    """A line as typed: the child's Haven ID, the days and the amount."""

    child: Any = ""
    days: Any = None
    amount: Any = ""

    @property
    def blank(self) -> bool:
        return all(v in ("", None) for v in (self.child, self.days, self.amount))


def _money(value: Any) -> Decimal | None:
    if isinstance(value, float):
        return None
    try:
        amount = Decimal(str(value).strip().lstrip("£").replace(",", ""))
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(PENNY):
        return None
    return amount.quantize(PENNY)


def _period(starts_on: Any, last_day: Any, failures: Failures) -> int:
    if not isinstance(starts_on, dt.date):
        failures.add(
            "start_required", "Enter the first day the invoice bills", "starts_on"
        )
    if not isinstance(last_day, dt.date):
        failures.add("end_required", "Enter the last day the invoice bills", "last_day")
    if not (isinstance(starts_on, dt.date) and isinstance(last_day, dt.date)):
        return 0
    days = (last_day - starts_on).days + 1
    if days < 1:
        failures.add(
            "end_before_start",
            "The last day billed must be on or after the first",
            "last_day",
        )
    elif days > LONGEST_PERIOD:
        failures.add(
            "period_too_long",
            "An invoice bills a year at most: record a longer one as several",
            "last_day",
        )
    return max(days, 0)


def _line(
    index: int, typed: TypedLine, period: int, seen: set[int], failures: Failures
) -> matching.Billed | None:
    which = f"line {index + 1}"
    where = f"lines.{index}"
    child = str(typed.child or "").strip()
    person = None
    if not child:
        failures.add(
            "child_required", f"Enter the child's Haven ID on {which}", f"{where}.child"
        )
    elif not child.isdigit() or not Person.objects.filter(pk=int(child)).exists():
        failures.add(
            "child_unknown",
            f"No child has the Haven ID {child} ({which})",
            f"{where}.child",
        )
    elif int(child) in seen:
        failures.add(
            "child_twice",
            f"Haven ID {child} is on two lines: put their days on one",
            f"{where}.child",
        )
    else:
        person = int(child)
        seen.add(person)
    days = typed.days
    if not isinstance(days, int) or days < 1:
        failures.add(
            "days_required",
            f"Enter the days billed on {which}, a whole number",
            f"{where}.days",
        )
    elif period and days > period:
        failures.add(
            "days_over_period",
            f"The {ordinal(index + 1)} line bills {days} days: the period has {period}",
            f"{where}.days",
        )
    amount = _money(typed.amount)
    if amount is None:
        failures.add(
            "amount_invalid",
            f"Enter the amount on {which} in pounds to the penny, like 840.00",
            f"{where}.amount",
        )
    if person is None or amount is None or not isinstance(days, int):
        return None
    return matching.Billed(person, days, amount)


def _check(
    provider: Provider | None,
    reference: str,
    starts_on: Any,
    last_day: Any,
    lines: Sequence[TypedLine],
    total: Any,
) -> tuple[list[matching.Billed], Decimal]:
    failures = Failures()
    if provider is None:
        failures.add("provider_required", "Choose the provider", "provider")
    if not reference:
        failures.add(
            "reference_required", "Enter the provider's invoice reference", "reference"
        )
    elif (
        provider is not None
        and Invoice.objects.filter(provider=provider, reference=reference).exists()
    ):
        failures.add(
            "reference_taken",
            f"Invoice {reference} from {provider} is already recorded",
            "reference",
        )
    period = _period(starts_on, last_day, failures)
    seen: set[int] = set()
    billed = []
    for index, typed in enumerate(lines):
        if not typed.blank:
            found = _line(index, typed, period, seen, failures)
            billed += [found] if found else []
    given = None if total in ("", None) else _money(total)
    if total not in ("", None) and given is None:
        failures.add(
            "total_invalid",
            "Enter the total in pounds to the penny, like 3360.00",
            "total",
        )
    typed_any = any(not t.blank for t in lines)
    if not typed_any and total in ("", None):
        failures.add(
            "lines_or_total",
            "Enter a line for each child the invoice bills, or its total",
            "total",
        )
    failures.raise_any()
    summed = sum((b.amount for b in billed), Decimal("0.00"))
    if billed and given is not None and given != summed:
        failures.add(
            "total_not_lines",
            f"The total does not add up: the lines come to £{summed}",
            "total",
        )
    failures.raise_any()
    return billed, summed if billed else (given or Decimal("0.00"))


def rows(invoice: Invoice) -> list[matching.Row]:
    """The invoice against what the placements say is owed now."""
    lines = owed(
        [invoice.provider], starts_on=invoice.starts_on, ends_on=invoice.ends_on
    )
    if not invoice.itemised:
        return [matching.compare_total(invoice.total, lines)]
    billed = [
        matching.Billed(x.child_id, x.days, x.amount)
        for x in invoice.lines.order_by("pk")
    ]
    return matching.compare(billed, lines, provider=invoice.provider.name)


@transaction.atomic
def record_invoice(
    provider: Provider | None,
    *,
    reference: str,
    starts_on: Any,
    last_day: Any,
    lines: Sequence[TypedLine] = (),
    total: Any = None,
    by: Any,
) -> Invoice:
    """Record a provider's invoice for the days from `starts_on` to `last_day`:
    a line per child (Haven ID, days, amount) or only its total."""
    require(may_manage_payments(by), "Only a finance officer may record invoices")
    if provider is not None:
        provider = Provider.objects.select_for_update().get(pk=provider.pk)
    reference = (reference or "").strip()
    billed, amount = _check(provider, reference, starts_on, last_day, lines, total)
    assert provider is not None  # refused by _check
    invoice = Invoice.objects.create(
        provider=provider,
        reference=reference,
        starts_on=starts_on,
        ends_on=last_day + ONE_DAY,
        total=amount,
        itemised=bool(billed),
        recorded_by=by,
        recorded_at=clock.now(),
    )
    InvoiceLine.objects.bulk_create(
        InvoiceLine(invoice=invoice, child_id=b.child_id, days=b.days, amount=b.amount)
        for b in billed
    )
    _journal(invoice, "finance.invoice_recorded", by=by)
    return invoice


def _decidable(invoice: Invoice, by: Any, failures: Failures) -> Invoice:
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.status != Invoice.Status.RECEIVED:
        failures.add(
            "already_decided",
            f"This invoice is already {invoice.get_status_display().lower()}",
        )
    return invoice


@transaction.atomic
def approve_invoice(invoice: Invoice, *, by: Any) -> Invoice:
    """A finance officer approves the invoice for payment, differences and all
    (they have read them on its page)."""
    require(may_manage_payments(by), "Only a finance officer may approve invoices")
    failures = Failures()
    invoice = _decidable(invoice, by, failures)
    failures.raise_any()
    invoice.status = Invoice.Status.APPROVED
    invoice.decided_by, invoice.decided_at = by, clock.now()
    invoice.save(update_fields=["status", "decided_by", "decided_at"])
    _journal(invoice, "finance.invoice_approved", by=by)
    return invoice


@transaction.atomic
def dispute_invoice(invoice: Invoice, *, reason: str, by: Any) -> Invoice:
    """A finance officer disputes the invoice with the provider, saying why."""
    require(may_manage_payments(by), "Only a finance officer may dispute invoices")
    failures = Failures()
    invoice = _decidable(invoice, by, failures)
    reason = (reason or "").strip()
    if not reason:
        failures.add(
            "reason_required",
            "Enter why the invoice is disputed, as the provider will be told",
            "reason",
        )
    failures.raise_any()
    invoice.status = Invoice.Status.DISPUTED
    invoice.dispute_reason = reason
    invoice.decided_by, invoice.decided_at = by, clock.now()
    invoice.save(update_fields=["status", "dispute_reason", "decided_by", "decided_at"])
    _journal(invoice, "finance.invoice_disputed", by=by)
    return invoice


def _journal(invoice: Invoice, event_type: str, *, by: Any) -> None:
    """One event on each child's journal: the invoice and that child's own
    line and differences, worded without a name ("the child": it is their journal)."""
    found = [row for row in rows(invoice) if row.child_id is not None]
    people = Person.objects.in_bulk([row.child_id for row in found])
    head = {
        "invoice": invoice.pk,
        "provider": invoice.provider_id,
        "provider_name": invoice.provider.name,
        "reference": invoice.reference,
        "period": [invoice.starts_on.isoformat(), invoice.ends_on.isoformat()],
        "reason": invoice.dispute_reason,
    }
    for row in sorted(found, key=lambda r: r.child_id or 0):
        journal.append(
            people[row.child_id],
            event_type,
            {
                **head,
                "days": row.billed.days if row.billed else 0,
                "amount": str(row.billed.amount) if row.billed else "0.00",
                "differences": [d.words("the child") for d in row.differences],
            },
            by=by,
        )
