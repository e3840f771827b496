"""Reading what the comparison needs, in a few queries: this kind's placements
holding on a day of the window or with a line paid in it, every paid line of
those placements in the window, and the rates that price them."""

from django.db.models import F, Q

from haven.care.models import Placement, Provider
from haven.finance.adjustments.compare import Adjustment, Paid, Window, adjustments
from haven.finance.models import PaymentLine
from haven.finance.rates import rate_book, stays_of


def due(kind: str, w: Window) -> list[Adjustment]:
    """The adjustment lines a run of this kind carries for the window."""
    in_window = PaymentLine.objects.filter(
        paid=True, starts_on__lt=w.ends_on, ends_on__gt=w.starts_on
    )
    holding = (
        Q(provider__kind=kind, started_on__lt=w.ends_on)
        & ~Q(ended_on__lte=w.starts_on)
        & ~Q(ended_on=F("started_on"))
    )
    paid_here = Q(pk__in=in_window.filter(provider__kind=kind).values("placement_id"))
    stays = stays_of(Placement.objects.filter(holding | paid_here))
    ids = [s.placement_id for s in stays]
    paid = [
        Paid(*row)
        for row in in_window.filter(placement_id__in=ids).values_list(
            "placement_id",
            "child_id",
            "provider_id",
            "starts_on",
            "ends_on",
            "weekly_rate",
            "kind",
        )
    ]
    book = rate_book(
        provider_ids={s.provider_id for s in stays},
        placement_ids=ids,
        carer_ids={s.carer_id for s in stays if s.carer_id},
    )
    providers = set(Provider.objects.filter(kind=kind).values_list("pk", flat=True))
    return adjustments(stays, paid, book, w, providers=providers)
