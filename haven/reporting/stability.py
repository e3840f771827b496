"""Repeat child protection plans and placement stability, each counted from
the plans and placements themselves."""

import datetime as dt
from collections import defaultdict

from haven.care.models import Placement
from haven.care.models.looked_after import PLACEMENT_PERIOD
from haven.core.periods import contains
from haven.protection.models import ChildProtectionPlan
from haven.reporting.figures import Figure, Item, declare
from haven.reporting.spans import Span
from haven.timescales.calendar import add_months

MANY_PLACEMENTS = 3


def _repeat_plans(span: Span) -> list[Item]:
    """Each plan started in the period; a repeat if the child had one before."""
    rows = (
        ChildProtectionPlan.objects.filter(started_on__lte=span.last)
        .order_by("started_on", "pk")
        .values_list("person_id", "started_on", "ended_on")
    )
    earlier: dict[int, dt.date | None] = {}  # the end of the child's last plan
    items = []
    for person_id, started_on, ended_on in rows:
        month = span.month_of(started_on)
        if month is not None:
            before = person_id in earlier
            previous = earlier.get(person_id)
            items.append(
                Item(
                    person_id,
                    month.key,
                    started_on,
                    hit=before,
                    details=(started_on, previous),
                )
            )
        earlier[person_id] = ended_on
    return items


REPEAT_PLANS = declare(
    Figure(
        key="repeat_plans",
        name="Repeat child protection plans",
        counts="Of the child protection plans started in each month, the per cent "
        "for a child who had been on a plan before",
        source="A second or later plan for the child, at any time, as the DfE's "
        "characteristics of children in need statistics count them from the CIN "
        "census CPPstartDate. Fewer is better.",
        compute=_repeat_plans,
        unit="plans",
        rate=True,
        hit_words=("A repeat plan", "A first plan"),
        columns=("Plan started", "Previous plan ended"),
        team_words="the team holding the child's case on the day the plan started",
    )
)


def _placements(span: Span) -> list[Item]:
    """Each child looked after at a month's end; a hit with three or more
    placements in the 12 months to that day."""
    since = add_months(span.first, -12)
    rows = (
        Placement.objects.filter(PLACEMENT_PERIOD.overlapping_days(since, span.last))
        .order_by()
        .values_list(
            "period__person_id",
            "period__started_on",
            "period__ended_on",
            "started_on",
            "ended_on",
        )
    )
    periods: dict[int, set[tuple[dt.date, dt.date | None]]] = defaultdict(set)
    placed: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    for person_id, p_start, p_end, start, end in rows:
        periods[person_id].add((p_start, p_end))
        placed[person_id].append((start, end))
    items = []
    for person_id, theirs in periods.items():
        for month in span.months:
            day = month.last
            if not any(contains(s, e, day, inclusive_end=False) for s, e in theirs):
                continue
            year_ago = add_months(day, -12) + dt.timedelta(days=1)
            count = sum(
                1
                for s, e in placed[person_id]
                if s <= day and (e is None or e > year_ago)
            )
            items.append(
                Item(
                    person_id,
                    month.key,
                    day,
                    hit=count >= MANY_PLACEMENTS,
                    details=(count,),
                )
            )
    return items


STABILITY = declare(
    Figure(
        key="placement_moves",
        name="Three or more placements in 12 months",
        counts="Of the children looked after at the end of each month, the per "
        "cent with three or more placements in the 12 months to that day",
        source="Placements are the child's placement records (SSDA903 episodes' "
        "placements), counted when any day of theirs falls in the 12 months, as "
        "the DfE's placement stability measure counts them at 31 March. Fewer is "
        "better.",
        compute=_placements,
        rate=True,
        hit_words=("Three or more", "Fewer than three"),
        columns=("Placements in the 12 months",),
        team_words="the team holding the child's case at the end of the month",
    )
)
