"""Looked-after children's placements: a child looked after with no
placement that day, and a placement running outside its period of care.
Both are read from the periods of care and placements themselves, whose
dates say how they stood at each month's end."""

import datetime as dt

from django.db.models import F, Q

from haven.care.models import PeriodOfCare, Placement
from haven.care.models.looked_after import PERIOD_OF_CARE, PLACEMENT_PERIOD
from haven.core.periods import contains
from haven.reporting.figures import Item
from haven.reporting.quality.checks import Check, declare, found, links
from haven.reporting.spans import Span


def _in_period(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    return contains(start, end, day, inclusive_end=PERIOD_OF_CARE.inclusive_end)


def _placed(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    return contains(start, end, day, inclusive_end=PLACEMENT_PERIOD.inclusive_end)


def _unplaced(span: Span) -> list[Item]:
    overlapping = PeriodOfCare.objects.filter(
        PERIOD_OF_CARE.overlapping_days(span.first, span.last)
    ).order_by()
    periods = list(overlapping.values_list("pk", "person_id", "started_on", "ended_on"))
    placements: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
    rows = (
        Placement.objects.filter(period__in=overlapping.values("pk"))
        .order_by()
        .values_list("period_id", "started_on", "ended_on")
    )
    for period_id, start, end in rows:
        placements.setdefault(period_id, []).append((start, end))
    items, link = [], links("care:move")
    for pk, person_id, start, end in periods:
        for month in span.months:
            if _in_period(start, end, month.last) and not any(
                _placed(s, e, month.last) for s, e in placements.get(pk, ())
            ):
                words = "Looked after with no placement on this day"
                items.append(found(person_id, month, words, link(pk)))
    return items


UNPLACED = declare(
    Check(
        key="no_placement",
        name="Looked after with no placement",
        finds="Children looked after at the end of the month with no placement "
        "recorded for that day",
        breaks="The SSDA903 return builds each episode from a legal status and a "
        "placement: a day with no placement leaves a gap the DfE's validator "
        "refuses. The carer or provider is paid for the days a placement holds, "
        "so the child's carer is not paid either, and the child has no "
        "whereabouts on the missing and visits queues.",
        fixed_on="Record the placement (the period of care's move page)",
        compute=_unplaced,
    )
)


def _outside(span: Span) -> list[Item]:
    rows = (
        Placement.objects.filter(
            PLACEMENT_PERIOD.overlapping_days(span.first, span.last)
        )
        # Only a placement that starts before its period, or whose period has
        # ended, can hold on a day its period does not.
        .filter(
            Q(period__ended_on__isnull=False)
            | Q(started_on__lt=F("period__started_on"))
        )
        .order_by()
        .values_list(
            "pk",
            "period__person_id",
            "started_on",
            "ended_on",
            "period__started_on",
            "period__ended_on",
        )
    )
    items, link = [], links("care:correct")
    for pk, person_id, start, end, period_start, period_end in rows:
        for month in span.months:
            day = month.last
            if _placed(start, end, day) and not _in_period(
                period_start, period_end, day
            ):
                words = (
                    f"The placement from {start:%-d %B %Y} runs outside the "
                    "child's period of care"
                )
                items.append(found(person_id, month, words, link(pk)))
    return items


OUTSIDE = declare(
    Check(
        key="placement_outside_care",
        name="Placement outside a period of care",
        finds="Placements running at the end of the month on a day their period "
        "of care does not cover (the period has ended, or had not begun)",
        breaks="The SSDA903 episodes and the child's whereabouts are read from the "
        "placements of a period of care: a placement beyond its period is a day "
        "the return does not count and the payment run may still pay for "
        "(an overpayment to recover), and the child stays on the placement's "
        "visits queue after leaving care.",
        fixed_on="Correct the placement's dates (the placement's correction page)",
        compute=_outside,
    )
)
