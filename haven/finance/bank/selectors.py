"""What finance officers read of payees: who is paid, their bank details
(masked: the templates show `masked`, never the numbers), their one-off
payments, and the children placed with them (named as payment lines name
them: a restricted child the officer may not open by their Haven ID only)."""

from dataclasses import dataclass
from typing import Any

from haven.care.models import Carer, Provider
from haven.core import access
from haven.core.permissions import may_manage_payments, require
from haven.finance.bank import masking, payees
from haven.finance.bank.models import PaymentDetails
from haven.finance.oneoff.models import OneOffPayment
from haven.finance.oneoff.services import placed_with
from haven.finance.selectors import child_name


def _may(user: Any) -> None:
    require(may_manage_payments(user), "Only finance officers see payments")


@dataclass(frozen=True)
class Shown:
    """A version of bank details as a page shows it: masked."""

    details: PaymentDetails

    @property
    def masked(self) -> str:
        return masking.masked(self.details.sort_code, self.details.account_number)

    @property
    def sort_code(self) -> str:
        return masking.mask_sort_code(self.details.sort_code)

    @property
    def account_number(self) -> str:
        return masking.mask_account(self.details.account_number)


@dataclass(frozen=True)
class PayeeRow:
    key: str
    name: str
    in_use: Shown | None
    waiting: bool


def payee_rows(user: Any) -> list[PayeeRow]:
    """Every provider paid directly and every in-house foster carer, with
    whether they have details in use and a change waiting."""
    _may(user)
    rows = PaymentDetails.objects.filter(status__in=("approved", "proposed"))
    held = {(d.provider_id, d.carer_id, d.status): d for d in rows}
    found: list[PayeeRow] = []
    for provider in Provider.objects.exclude(kind=Provider.Kind.LA_FOSTERING):
        found.append(_row(payees.of_record(provider), provider.name, held))
    carers = Carer.objects.filter(provider__kind=Provider.Kind.LA_FOSTERING)
    for carer in carers.select_related("person", "provider"):
        found.append(_row(payees.of_record(carer), payees.name_of(carer), held))
    return sorted(found, key=lambda r: r.name)


def _row(payee: payees.Payee, name: str, held: dict) -> PayeeRow:
    provider = None if payee.carer_id else payee.provider_id
    in_use = held.get((provider, payee.carer_id, "approved"))
    return PayeeRow(
        payee.key,
        name,
        Shown(in_use) if in_use else None,
        (provider, payee.carer_id, "proposed") in held,
    )


def payee(user: Any, key: str) -> Provider | Carer:
    """The provider or in-house carer a key names (DoesNotExist if none)."""
    _may(user)
    return payees.from_key(key)


def details(user: Any, record: Provider | Carer) -> list[Shown]:
    """The payee's bank details, every version, newest first."""
    _may(user)
    rows = PaymentDetails.objects.filter(**payees.of_record(record).owner())
    return [Shown(d) for d in rows.select_related("proposed_by", "approved_by")]


def children(user: Any, record: Provider | Carer) -> list[tuple[int, str]]:
    """The children placed with the payee, for a one-off payment."""
    _may(user)
    placed = placed_with(record).select_related("period__person")
    people = {p.period.person.pk: p.period.person for p in placed}
    unnamed = access.unnamed_for(user, people)
    return sorted(
        ((pk, _name(person, pk in unnamed)) for pk, person in people.items()),
        key=lambda pair: pair[1],
    )


def _name(person: Any, unnamed: bool) -> str:
    return child_name(person, person.pk, {person.pk} if unnamed else set())


@dataclass(frozen=True)
class OneOffRow:
    payment: OneOffPayment
    child_name: str


def one_offs(user: Any, record: Provider | Carer) -> list[OneOffRow]:
    """The payee's one-off payments, newest first."""
    _may(user)
    owner = payees.of_record(record)
    rows = OneOffPayment.objects.filter(
        provider_id=owner.provider_id, carer__isnull=owner.carer_id is None
    )
    if owner.carer_id is not None:
        rows = rows.filter(carer_id=owner.carer_id)
    rows = rows.select_related("child", "run", "requested_by", "approved_by")
    found = list(rows)
    unnamed = access.unnamed_for(user, {r.child_id for r in found})
    return [OneOffRow(r, _name(r.child, r.child_id in unnamed)) for r in found]
