"""The demo authority's payment runs: a year of four-weekly runs paying the
agencies, previewed by one finance officer and approved by the other, with
adjustments along the way: an uplift agreed late (rate differences for the
periods already paid) and a rate found to have been too high for months of
one agency's placements (a recovery its next run cannot cover, so the
overpayment is carried, and still owed at the end of the year). Run once: a
later call finds the runs and stops. Every date is counted back from Haven's
clock, so the demo is a year deep whatever day it is built."""

import datetime as dt
from decimal import Decimal

from haven.care.models import Placement, Provider
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.finance import rates, runs
from haven.finance.models import PaymentLine, PaymentRun, ProviderRate

AGENCY = Provider.Kind.AGENCY
RUNS = 13  # a year of four-week periods
UPLIFT_FROM, UPLIFT_AGREED = 3, 7  # the uplift from run 3, agreed before run 7
OVERPAID_FROM, OVERPAID_FOUND = 4, 10


def populate() -> None:
    """A year of agency runs, once."""
    if PaymentRun.objects.filter(provider_kind=AGENCY).exists():
        return
    if not Placement.objects.filter(provider__kind=AGENCY).exists():
        return
    fiona = User.objects.get(username="finance-officer")
    frank = User.objects.get(username="finance-officer2")
    this_monday = clock.today() - dt.timedelta(days=clock.today().weekday())
    last = this_monday - dt.timedelta(days=28)
    starts = [last - dt.timedelta(days=28 * n) for n in range(RUNS - 1, -1, -1)]
    for index, starts_on in enumerate(starts):
        if index == UPLIFT_AGREED:
            _uplift_agreed_late(starts[UPLIFT_FROM], by=fiona)
        if index == OVERPAID_FOUND:
            _rate_found_too_high(starts[OVERPAID_FROM], starts_on, by=fiona)
        try:
            run = runs.preview_run(provider_kind=AGENCY, starts_on=starts_on, by=fiona)
        except DomainError as refused:
            if refused.code != "nothing_owed":
                raise
            continue
        runs.close_run(runs.approve_run(run, by=frank), by=frank)


def _paid_providers(since: dt.date) -> list[int]:
    lines = PaymentLine.objects.filter(
        paid=True, provider__kind=AGENCY, ends_on__gt=since
    )
    return sorted(set(lines.values_list("provider_id", flat=True)))


def _open_rate(provider_id: int) -> ProviderRate | None:
    return ProviderRate.objects.filter(
        provider_id=provider_id, placement__isnull=True, ended_on__isnull=True
    ).first()


def _uplift_agreed_late(since: dt.date, *, by: User) -> None:
    """A 3% uplift from `since` for the first agency paid since then, agreed
    only now: the next run pays the difference for the days already paid."""
    for provider_id in _paid_providers(since)[:1]:
        rate = _open_rate(provider_id)
        if rate is None or rate.started_on >= since:
            continue
        rates.set_provider_rate(
            rate.provider,
            basis=rate.basis,
            weekly_amount=(rate.weekly_amount * Decimal("1.03")).quantize(
                Decimal("0.01")
            ),
            started_on=since,
            reference="Uplift agreed late",
            by=by,
        )


def _rate_found_too_high(since: dt.date, now: dt.date, *, by: User) -> None:
    """For the first agency paid since `since`, a spot rate of a third of what
    was paid, from then until `now`, for each of its placements: its next run
    recovers more than it pays, and the rest is carried to the runs after."""
    paid = PaymentLine.objects.filter(
        paid=True, kind="payment", provider__kind=AGENCY, ends_on__gt=since
    ).select_related("placement")
    for provider_id in _paid_providers(since)[:1]:
        ours = {
            x.placement: x.weekly_rate for x in paid if x.provider_id == provider_id
        }
        for placement, weekly in sorted(ours.items(), key=lambda x: x[0].pk):
            starts_on = max(since, placement.started_on)
            ends_on = min(now, placement.ended_on or now)
            if starts_on >= ends_on:
                continue
            rates.set_placement_rate(
                placement,
                weekly_amount=(weekly / 3).quantize(Decimal("0.01")),
                started_on=starts_on,
                ended_on=ends_on,
                reference="Spot rate agreed lower: the invoices were overcharged",
                by=by,
            )
