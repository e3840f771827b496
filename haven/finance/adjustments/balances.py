"""Overpayments carried from run to run.

When a provider's lines in a run sum to less than nothing (recoveries
outweigh what is owed), nothing is paid to them and the rest is carried to
their next run, which recovers it before paying anything. Each run records,
per provider, what was due, carried in, paid out and carried out
(ProviderBalance); the payment file pays what was paid out."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from haven.care.models import Provider
from haven.core import clock
from haven.core.permissions import may_manage_payments, require
from haven.finance.models import PaymentRun, ProviderBalance

ZERO = Decimal("0.00")
PAID = (PaymentRun.Status.APPROVED, PaymentRun.Status.CLOSED)


def latest(provider_ids: Any = None) -> dict[int, ProviderBalance]:
    """Each provider's balance after its last approved run."""
    rows = ProviderBalance.objects.filter(run__status__in=PAID)
    if provider_ids is not None:
        rows = rows.filter(provider_id__in=list(provider_ids))
    found: dict[int, ProviderBalance] = {}
    for row in rows.select_related("arose_in", "provider").order_by(
        "provider_id", "-run_id"
    ):
        found.setdefault(row.provider_id, row)
    return found


def write(run: PaymentRun) -> Decimal:
    """Each provider's balance in this run, from its lines and what it owed
    before; the total the run pays out."""
    due: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for provider, amount in run.lines.values_list("provider_id", "amount"):
        due[provider] += amount
    before = latest(due)
    rows = []
    for provider, amount in sorted(due.items()):
        owed_in = before[provider].carried_out if provider in before else ZERO
        net = amount - owed_in
        carried = max(-net, ZERO)
        arose = None
        if carried > 0:
            arose = before[provider].arose_in if owed_in > 0 else run
        rows.append(
            ProviderBalance(
                run=run,
                provider_id=provider,
                due=amount,
                carried_in=owed_in,
                paid_out=max(net, ZERO),
                carried_out=carried,
                arose_in=arose,
            )
        )
    ProviderBalance.objects.bulk_create(rows)
    return sum((row.paid_out for row in rows), ZERO)


@dataclass(frozen=True)
class Owed:
    """An overpayment a provider still owes, and how old it is."""

    provider: Provider
    amount: Decimal
    arose_in: PaymentRun
    since: dt.date

    @property
    def age_days(self) -> int:
        return (clock.today() - self.since).days


def overpayments(user: Any) -> list[Owed]:
    """Every provider owing an overpayment, the oldest first."""
    require(may_manage_payments(user), "Only finance officers see payments")
    found = []
    for row in latest().values():
        if row.carried_out > 0 and row.arose_in is not None:
            arose = row.arose_in
            since = timezone.localdate(arose.approved_at or arose.previewed_at)
            found.append(Owed(row.provider, row.carried_out, arose, since))
    return sorted(found, key=lambda x: (x.since, x.provider.name))
