"""A remittance advice: one run's payments to one payee (a provider, or one
of the authority's own foster carers), from the run's own lines, one-off
payments and, for a provider, the overpayment its lines recovered or carried
(haven/finance/adjustments/balances.py), never a copy. Its total is what the
payment file pays them. Children are named as the run's page names them."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from haven.core import access
from haven.core.permissions import may_manage_payments, require
from haven.finance import selectors
from haven.finance.bank import checks, payees
from haven.finance.bank.payees import Payee
from haven.finance.bank.selectors import Shown, _name
from haven.finance.models import PaymentRun, ProviderBalance
from haven.finance.oneoff.models import OneOffPayment
from haven.finance.rates import ROUNDING_RULE


@dataclass(frozen=True)
class OneOffLine:
    payment: OneOffPayment
    child_name: str


@dataclass(frozen=True)
class Advice:
    run: PaymentRun
    payee: Payee
    name: str
    address: str
    lines: list[selectors.LineRow]
    one_offs: list[OneOffLine]
    account: Shown | None
    # A provider's overpayment brought into and carried out of this run (a
    # carer is paid line by line: balances are kept per provider).
    balance: ProviderBalance | None = None
    rounding: str = ROUNDING_RULE

    @property
    def total(self) -> Decimal:
        """What the run pays the payee: the lines, less an overpayment
        recovered, plus what could not be recovered yet (never below
        nothing), and the one-off payments."""
        days = sum((r.line.amount for r in self.lines), Decimal("0.00"))
        if self.balance is not None:
            days += self.balance.carried_out - self.balance.carried_in
        return days + sum((o.payment.amount for o in self.one_offs), Decimal("0.00"))


@dataclass(frozen=True)
class Summary:
    key: str
    name: str


def summaries(
    user: Any, run: PaymentRun, named: dict[Payee, str] | None = None
) -> list[Summary]:
    """The run's payees (`named`, if already read), each with an advice."""
    require(may_manage_payments(user), "Only finance officers see payments")
    named = checks.run_payees(run) if named is None else named
    return sorted((Summary(p.key, n) for p, n in named.items()), key=lambda s: s.name)


def advice(user: Any, run: PaymentRun, key: str) -> Advice:
    """The run's payments to the payee `key` names (LookupError if none)."""
    require(may_manage_payments(user), "Only finance officers see payments")
    named = checks.run_payees(run)
    payee = next((p for p in named if p.key == key), None)
    if payee is None:
        raise LookupError(key)
    lines = [
        row for row in selectors.lines(user, run) if payees.of_line(row.line) == payee
    ]
    found = OneOffPayment.objects.filter(run=run).select_related("provider", "child")
    mine = [o for o in found if payees.of_placement(o.provider, o.carer_id) == payee]
    unnamed = access.unnamed_for(user, {o.child_id for o in mine})
    held = checks.in_use([payee]).get(payee)
    record = payees.from_key(key)
    return Advice(
        run=run,
        payee=payee,
        name=named[payee],
        address=getattr(record, "address", ""),
        lines=lines,
        one_offs=[OneOffLine(o, _name(o.child, o.child_id in unnamed)) for o in mine],
        account=Shown(held) if held else None,
        balance=_balance(run, payee),
    )


def _balance(run: PaymentRun, payee: Payee) -> ProviderBalance | None:
    if payee.carer_id is not None:
        return None
    return ProviderBalance.objects.filter(
        run=run, provider_id=payee.provider_id
    ).first()
