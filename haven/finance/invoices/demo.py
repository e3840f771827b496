"""The demo's providers' invoices: last month's from the agency and the home
with the most children placed, each with differences to show (a rate that
does not match, days not placed, a child missing; a total over what is owed).
Idempotent: an invoice whose reference is recorded already is not again."""

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Q

from haven.care.models import Provider
from haven.core import clock
from haven.core.models import User
from haven.finance.invoices import services
from haven.finance.invoices.models import Invoice
from haven.finance.invoices.services import TypedLine
from haven.finance.owed import owed
from haven.finance.rates import PENNY

ONE_DAY = dt.timedelta(days=1)


def _last_month() -> tuple[dt.date, dt.date]:
    last = clock.today().replace(day=1) - ONE_DAY
    return last.replace(day=1), last


def _busiest(kind: str, first: dt.date, last: dt.date) -> Provider | None:
    holding = Q(placements__started_on__lte=last) & (
        Q(placements__ended_on__isnull=True) | Q(placements__ended_on__gt=last)
    )
    return (
        Provider.objects.filter(kind=kind)
        .annotate(held=Count("placements", filter=holding))
        .filter(held__gt=0)
        .order_by("-held", "pk")
        .first()
    )


def _by_child(provider: Provider, first: dt.date, last: dt.date) -> dict:
    found: dict[int, list[Decimal]] = {}
    for line in owed([provider], starts_on=first, ends_on=last + ONE_DAY):
        days, amount = found.get(line.child_id, [Decimal(0), Decimal("0.00")])
        found[line.child_id] = [days + line.days, amount + (line.amount or 0)]
    return found


def _itemised(provider: Provider, first: dt.date, last: dt.date, by: User) -> None:
    """Every child billed as owed, but the first at 5% over the rate, the
    second for a day more than placed (if they arrived in the month) and the
    last left off (if there are three or more)."""
    owed_now = _by_child(provider, first, last)
    lines = []
    children = sorted(owed_now)
    for index, child in enumerate(children):
        days, amount = owed_now[child]
        if index == 0:
            amount = (amount * Decimal("1.05")).quantize(PENNY)
        elif index == 1 and days < (last - first).days + 1:
            days, amount = days + 1, amount + (amount / days).quantize(PENNY)
        elif index == len(children) - 1 and len(children) > 2:
            continue
        lines.append(TypedLine(str(child), int(days), str(amount)))
    services.record_invoice(
        provider,
        reference=_reference(provider, first),
        starts_on=first,
        last_day=last,
        lines=lines,
        by=by,
    )


def _total_only(provider: Provider, first: dt.date, last: dt.date, by: User) -> None:
    owed_now = _by_child(provider, first, last)
    total = sum((amount for _days, amount in owed_now.values()), Decimal("150.00"))
    invoice = services.record_invoice(
        provider,
        reference=_reference(provider, first),
        starts_on=first,
        last_day=last,
        total=str(total),
        by=by,
    )
    services.dispute_invoice(
        invoice,
        reason="The total is £150.00 more than the placements say is owed: "
        "please send an itemised invoice",
        by=by,
    )


def _reference(provider: Provider, first: dt.date) -> str:
    return f"DEMO-{provider.pk}-{first:%Y%m}"


def populate() -> None:
    """Last month's invoices from the busiest agency and children's home."""
    by = User.objects.get(username="finance-officer")
    first, last = _last_month()
    for kind, record in (
        (Provider.Kind.AGENCY, _itemised),
        (Provider.Kind.CHILDRENS_HOME, _total_only),
    ):
        provider = _busiest(kind, first, last)
        if provider is None:
            continue
        if Invoice.objects.filter(reference=_reference(provider, first)).exists():
            continue
        record(provider, first, last, by)
