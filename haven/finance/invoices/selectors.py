"""What finance officers read of invoices. Every selector takes the user and
refuses anyone without manage_payments. A child is named only to someone who
may open their record: a restricted or sealed child is "a child whose record
is restricted" and their Haven ID (the name is itself the secret)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from haven.care.models import Placement
from haven.core import access
from haven.core.permissions import may_manage_payments, require
from haven.finance.invoices import services
from haven.finance.invoices.matching import Row
from haven.finance.invoices.models import Invoice
from haven.finance.selectors import restricted_child
from haven.people.models import Person


def _may(user: Any) -> None:
    require(may_manage_payments(user), "Only finance officers see invoices")


def invoices(user: Any) -> "QuerySet[Invoice]":
    """Every invoice recorded, the latest period first."""
    _may(user)
    return Invoice.objects.select_related("provider", "recorded_by", "decided_by")


def invoice(user: Any, pk: int) -> Invoice:
    _may(user)
    return invoices(user).get(pk=pk)


@dataclass(frozen=True)
class Shown:
    """A row of the match as this user may read it."""

    name: str
    child_id: int | None
    billed_days: int | None
    billed_amount: Decimal | None
    owed_days: int
    owed_amount: Decimal
    differences: list[str]


def _name(
    person: Person | None, child_id: int, unnamed: set[int], paid_for: set[int]
) -> str:
    if person is None or child_id in unnamed:
        return restricted_child(child_id)
    if child_id not in paid_for:
        return f"A child with no placement Haven pays for (Haven ID {child_id})"
    return f"{person.full_name} (Haven ID {child_id})"


def _paid_for(ids: set[int]) -> set[int]:
    """Of these children, those ever placed with a provider: the children
    finance pays for, whose names it may see (a Haven ID typed from an
    invoice must not show finance the name of any child at all)."""
    return set(
        Placement.objects.filter(
            period__person_id__in=ids, provider__isnull=False
        ).values_list("period__person_id", flat=True)
    )


def match(user: Any, invoice: Invoice) -> list[Shown]:
    """The invoice against what the placements say is owed, child by child."""
    _may(user)
    found: list[Row] = services.rows(invoice)
    ids = {row.child_id for row in found if row.child_id is not None}
    people = Person.objects.in_bulk(ids)
    unnamed = access.unnamed_for(user, ids)
    paid_for = _paid_for(ids)
    shown = []
    for row in found:
        if row.child_id is None:
            name = "All children (the invoice gives only a total)"
        else:
            name = _name(people.get(row.child_id), row.child_id, unnamed, paid_for)
        person = people.get(row.child_id or 0)
        named = row.child_id not in unnamed and row.child_id in paid_for
        called = person.full_name if person is not None and named else "this child"
        shown.append(
            Shown(
                name,
                row.child_id,
                row.billed.days if row.billed and row.child_id else None,
                row.billed.amount if row.billed else None,
                row.owed.days + row.owed.unpriced_days,
                row.owed.amount,
                [d.words(called) for d in row.differences],
            )
        )
    return shown
