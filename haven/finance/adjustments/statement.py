"""A provider's statement: each run that paid them (or is waiting to), its
lines with their reasons, and what they were due, owed, paid and still owe."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from haven.care.models import Provider
from haven.core import access
from haven.core.permissions import may_manage_payments, require
from haven.finance.adjustments.balances import ZERO, latest
from haven.finance.models import PaymentLine, PaymentRun, ProviderBalance
from haven.finance.selectors import LineRow, child_name


@dataclass(frozen=True)
class Entry:
    """One run on the statement."""

    balance: ProviderBalance
    lines: list[LineRow]

    @property
    def run(self) -> PaymentRun:
        return self.balance.run


@dataclass(frozen=True)
class Statement:
    provider: Provider
    entries: list[Entry]
    owes: Decimal  # the overpayment the provider still owes after approved runs


def statement(user: Any, provider: Provider) -> Statement:
    """The provider's runs, newest first; a restricted child the officer may
    not open is listed by Haven ID only (as on a run's page)."""
    require(may_manage_payments(user), "Only finance officers see payments")
    rows = (
        ProviderBalance.objects.filter(provider=provider)
        .exclude(run__status=PaymentRun.Status.CANCELLED)
        .select_related("run", "arose_in")
        .order_by("-run__starts_on", "-run_id")
    )
    balances = list(rows)
    lines = list(
        PaymentLine.objects.filter(
            provider=provider, run__in=[b.run_id for b in balances]
        )
        .select_related("child", "placement")
        .order_by("child__family_name", "child", "starts_on", "pk")
    )
    unnamed = access.unnamed_for(user, {line.child_id for line in lines})
    by_run: dict[int, list[LineRow]] = {}
    for line in lines:
        name = child_name(line.child, line.child_id, unnamed)
        row = LineRow(line, name, line.placement.get_place_display())
        by_run.setdefault(line.run_id, []).append(row)
    entries = [Entry(b, by_run.get(b.run_id, [])) for b in balances]
    last = latest([provider.pk]).get(provider.pk)
    return Statement(provider, entries, last.carried_out if last else ZERO)
