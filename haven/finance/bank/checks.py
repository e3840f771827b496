"""What a payment run's payees' bank details say about the run: payees with
no approved details (the ledger cannot pay them), and details changed shortly
before the run (a known fraud pattern: a fraudster asks for a payee's account
to be changed just before a payment goes out).

"Shortly" is local policy: settings.HAVEN_BANK_CHANGE_WARNING_DAYS (28 unless
set), shown with the warning. A change counts from that many days before the
run was previewed up to its approval (or now, while it waits)."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings

from haven.care.models import Carer, Provider
from haven.core import clock
from haven.finance.bank import payees
from haven.finance.bank.models import PaymentDetails
from haven.finance.bank.payees import Payee
from haven.finance.models import PaymentRun

POLICY_SOURCE = (
    "{days} days (local policy: the setting HAVEN_BANK_CHANGE_WARNING_DAYS, "
    "28 unless the council sets it)"
)


def warning_days() -> int:
    return int(settings.HAVEN_BANK_CHANGE_WARNING_DAYS)


def policy_words() -> str:
    return POLICY_SOURCE.format(days=warning_days())


def run_payees(run: PaymentRun) -> dict[Payee, str]:
    """Every payee the run pays (its placement lines' and one-off payments'),
    with their names."""
    from haven.finance.oneoff.models import OneOffPayment

    found: set[Payee] = set()
    # Each provider and carer paid once, not every line as objects: a run pays
    # thousands of placements and a few hundred payees.
    paid = run.lines.values_list("provider_id", "provider__kind", "placement__carer_id")
    for provider_id, kind, carer_id in paid.order_by().distinct():
        found.add(payees.of_provider(provider_id, kind, carer_id))
    for one in OneOffPayment.objects.filter(run=run).select_related("provider"):
        found.add(payees.of_placement(one.provider, one.carer_id))
    return names(found)


def names(found: Iterable[Payee]) -> dict[Payee, str]:
    found = sorted(found)
    providers = Provider.objects.in_bulk({p.provider_id for p in found})
    carers = Carer.objects.select_related("person").in_bulk(
        {p.carer_id for p in found if p.carer_id}
    )
    return {
        p: payees.name_of(
            carers[p.carer_id] if p.carer_id else providers[p.provider_id]
        )
        for p in found
    }


def in_use(found: Iterable[Payee]) -> dict[Payee, PaymentDetails]:
    """The approved details of each payee that has them, in two queries."""
    found = list(found)
    rows = PaymentDetails.objects.filter(status=PaymentDetails.Status.APPROVED)
    by_provider = {
        d.provider_id: d
        for d in rows.filter(provider_id__in=[p.provider_id for p in found])
    }
    by_carer = {
        d.carer_id: d
        for d in rows.filter(carer_id__in=[p.carer_id for p in found if p.carer_id])
    }
    held = {
        p: by_carer.get(p.carer_id) if p.carer_id else by_provider.get(p.provider_id)
        for p in found
    }
    return {p: d for p, d in held.items() if d is not None}


@dataclass(frozen=True)
class RecentChange:
    payee: str
    details: PaymentDetails
    days_before: int

    @property
    def words(self) -> str:
        when = self.details.approved_at
        assert when is not None
        timing = (
            f"{self.days_before} days before the run was previewed"
            if self.days_before > 0
            else "after the run was previewed"
            if self.days_before < 0
            else "the day the run was previewed"
        )
        return (
            f"Bank details for {self.payee} changed on {when:%-d %B %Y}, {timing}, "
            f"to {self.details}: a change just before a payment is a known fraud "
            "pattern. Confirm the change with the payee, on a number you already "
            "held, before approving the run"
        )


def recent_changes(run: PaymentRun, named: dict[Payee, str]) -> list[RecentChange]:
    """Details of the run's payees approved within the policy's days before
    the run was previewed, or since."""
    since = run.previewed_at - dt.timedelta(days=warning_days())
    until = run.approved_at or clock.now()
    approved = PaymentDetails.objects.filter(
        approved_at__gte=since, approved_at__lte=until
    ).order_by("approved_at", "pk")
    changes = []
    for details in approved:
        payee = Payee(
            details.provider_id or _carer_provider(details.carer_id), details.carer_id
        )
        if payee in named:
            assert details.approved_at is not None
            before = (run.previewed_at.date() - details.approved_at.date()).days
            changes.append(RecentChange(named[payee], details, before))
    return changes


def _carer_provider(carer_id: int | None) -> int:
    assert carer_id is not None  # details name a provider or a carer
    return Carer.objects.values_list("provider_id", flat=True).get(pk=carer_id)


def missing(named: dict[Payee, str]) -> list[str]:
    held = in_use(named)
    return [
        f"No approved bank details for {name}: record them and have a second "
        "finance officer approve them, or the ledger cannot pay this payee"
        for payee, name in named.items()
        if payee not in held
    ]


def run_faults(run: PaymentRun) -> list[str]:
    """The run's bank details faults, in words, with no full number."""
    named = run_payees(run)
    return missing(named) + [c.words for c in recent_changes(run, named)]
