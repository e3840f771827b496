"""The demo authority's bank details and one-off payments (synthetic numbers):
approved details for every provider paid directly and every in-house foster
carer, held since before the first placement (so no demo run is flagged for a
recent change), one change waiting for a second finance officer, and two
one-off payments approved for the next run. Only what is missing is added, so
it may be called again (the benchmark builds its authority in slices)."""

import datetime as dt
import random

from django.db.models import Min

from haven.care.models import Carer, Placement, Provider
from haven.core import clock
from haven.core.models import User
from haven.finance.bank import services
from haven.finance.bank.models import PaymentDetails
from haven.finance.oneoff import services as oneoff
from haven.finance.oneoff.models import OneOffPayment


def _numbers(rng: random.Random) -> tuple[str, str]:
    return f"{rng.randrange(10**6):06d}", f"{rng.randrange(10**8):08d}"


def _payees() -> list[Provider | Carer]:
    providers = Provider.objects.exclude(kind=Provider.Kind.LA_FOSTERING).filter(
        payment_details__isnull=True
    )
    carers = Carer.objects.filter(
        provider__kind=Provider.Kind.LA_FOSTERING, payment_details__isnull=True
    ).select_related("person", "provider")
    return [*providers.order_by("pk"), *carers.order_by("pk")]


def populate() -> None:
    """Set the demo's bank details and one-off payments where none are."""
    populate_details()
    populate_one_offs()


def populate_details() -> None:
    """Every payee's details, held since before the first placement, and one
    change waiting for approval (before the demo's payment runs, so none of
    them is faulted for a payee with no details)."""
    proposer = User.objects.get(username="finance-officer")
    approver = User.objects.get(username="finance-officer2")
    first = Placement.objects.aggregate(first=Min("started_on"))["first"]
    since = (first or dt.date(2015, 4, 1)) - dt.timedelta(days=30)
    with clock.held_at(clock.start_of(since)):
        for payee in _payees():
            rng = random.Random(f"bank-{type(payee).__name__}-{payee.pk}")
            sort_code, number = _numbers(rng)
            name = payee.name if isinstance(payee, Provider) else str(payee.person)
            proposed = services.propose_details(
                payee,
                account_name=name[:70],
                sort_code=sort_code,
                account_number=number,
                by=proposer,
            )
            services.approve_details(proposed, by=approver)
    _a_change_waiting(proposer)


def populate_one_offs() -> None:
    """Two one-off payments approved for the next run (after the demo's runs,
    so they wait for it rather than joining a closed one)."""
    proposer = User.objects.get(username="finance-officer")
    approver = User.objects.get(username="finance-officer2")
    _one_offs(proposer, approver)


def _a_change_waiting(by: User) -> None:
    """One agency's new details, proposed and waiting for approval."""
    if PaymentDetails.objects.filter(status="proposed").exists():
        return
    agency = (
        Provider.objects.filter(
            kind=Provider.Kind.AGENCY, payment_details__status="approved"
        )
        .order_by("pk")
        .first()
    )
    if agency is not None:
        services.propose_details(
            agency,
            account_name=agency.name[:70],
            sort_code="000099",
            account_number="00009999",
            by=by,
        )


def _one_offs(proposer: User, approver: User) -> None:
    """A birthday for a child with an in-house carer, and a holiday for one
    placed with an agency, approved for the next run."""
    if OneOffPayment.objects.exists():
        return
    open_ = Placement.objects.filter(ended_on__isnull=True, provider__isnull=False)
    wanted = [
        (Provider.Kind.LA_FOSTERING, "birthday", "60.00"),
        (Provider.Kind.AGENCY, "holiday", "250.00"),
    ]
    for kind, what, amount in wanted:
        placement = (
            open_.filter(provider__kind=kind)
            .select_related("period__person", "provider", "carer")
            .order_by("pk")
            .first()
        )
        if placement is None:
            continue
        payee: Provider | Carer | None = (
            placement.carer
            if kind == Provider.Kind.LA_FOSTERING
            else placement.provider
        )
        if payee is None:
            continue
        asked = oneoff.request_one_off(
            payee,
            child=placement.period.person,
            kind=what,
            reason="",
            amount=amount,
            by=proposer,
        )
        oneoff.approve_one_off(asked, by=approver)
