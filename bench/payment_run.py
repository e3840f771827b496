"""A payment run on the large authority (issue 17: "a payment run for 2,500
placements over four weeks in under 5 seconds").

The authority is paid as a council pays it: each kind of provider in its own
run. So that every placement is paid over the same four weeks, the kinds never
paid yet are set to four-weekly runs (a finance administrator's setting,
haven/finance/models/runs.PaymentFrequency); the agencies are four-weekly
already. The weeks measured are the latest three four-week periods before
this week when no run has paid them yet (the large authority's runs stop
after its first year, so these hold the most children placed); where a run
has paid them (the demo pays its last year up to this week), the three
periods before the first run, unpaid for every kind. Each sample is the whole
of it, every kind previewed, approved by the second officer and closed, the
periods paid one after another, earliest first. The figure names how many
placements it paid: the authority holds what it holds, and the count is
printed beside the time rather than assumed."""

import datetime as dt
import time
from typing import Any

from django.db import connection
from django.db.models import Max, Min
from django.test.utils import CaptureQueriesContext

from bench.budgets import FINANCE, Figure, timing

SAMPLES = 3


def figures() -> list[Figure]:
    from haven.core.models import User

    officer = User.objects.filter(username="finance-officer").first()
    second = User.objects.filter(username="finance-officer2").first()
    if officer is None or second is None:
        print("no two finance officers: the payment run is not measured")
        return []
    kinds = _four_weekly()
    samples, counts, queries = [], [], 0
    for starts_on in _periods():
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            paid = _pay(kinds, starts_on, officer, second)
            samples.append((time.perf_counter() - began) * 1000)
        counts.append(len(paid))
        queries = max(queries, len(captured))
        print(f"  four weeks from {starts_on}: {len(paid)} placements paid")
    label = f"a payment run, {len(kinds)} kinds, {min(counts)}+ placements"
    return [Figure(label, "payment run", FINANCE, timing(samples), queries)]


def _four_weekly() -> list[str]:
    """The kinds with placements, each paid four-weekly from now on."""
    from haven.care.models import Placement
    from haven.finance.models import Frequency, PaymentFrequency, PaymentRun

    # A placement with no provider (placed with parents, say) is paid no one.
    placed = Placement.objects.exclude(provider=None)
    kinds = sorted(set(placed.values_list("provider__kind", flat=True)))
    for kind in kinds:
        if not PaymentRun.objects.filter(provider_kind=kind).exists():
            PaymentFrequency.objects.update_or_create(
                provider_kind=kind, defaults={"frequency": Frequency.FOUR_WEEKLY}
            )
    return kinds


def _periods() -> list[dt.date]:
    """The first days of the four-week periods to pay, earliest first."""
    from haven.core import clock
    from haven.finance.models import PaymentRun

    today = clock.today()
    monday = today - dt.timedelta(days=today.weekday())
    recent = [monday - dt.timedelta(days=28 * n) for n in range(SAMPLES, 0, -1)]
    paid = PaymentRun.objects.aggregate(first=Min("starts_on"), last=Max("ends_on"))
    if paid["last"] is None or paid["last"] <= recent[0]:
        return recent
    first = paid["first"]
    return [first - dt.timedelta(days=28 * n) for n in range(SAMPLES, 0, -1)]


def _pay(kinds: list[str], starts_on: dt.date, officer: Any, second: Any) -> set[int]:
    """Every kind's run for the four weeks from `starts_on`, paid; the
    placements paid."""
    from haven.core.errors import DomainError
    from haven.finance import runs
    from haven.finance.models import PaymentLine

    paid: set[int] = set()
    for kind in kinds:
        try:
            run = runs.preview_run(provider_kind=kind, starts_on=starts_on, by=officer)
        except DomainError as refused:
            if refused.code != "nothing_owed":
                raise
            continue
        runs.close_run(runs.approve_run(run, by=second), by=second)
        lines = PaymentLine.objects.filter(run=run).values_list(
            "placement_id", flat=True
        )
        paid.update(lines)
    return paid
