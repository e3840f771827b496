"""Children in need, on child protection plans and looked after at the end of
each month: counted from the episodes, plans and periods of care themselves,
each read by its own period's rule of when it holds (haven.core.periods), so a
count agrees with the child's record and with the returns built from it."""

from collections.abc import Callable
from typing import Any

from django.db.models import Model

from haven.care import episodes
from haven.care.history import CareHistory, Status
from haven.care.models import LegalStatus, PeriodOfCare
from haven.care.models.looked_after import PERIOD_OF_CARE
from haven.cin.models import EPISODE_PERIOD, CinEpisode
from haven.core.periods import Period, contains
from haven.protection.models import PLAN_PERIOD, ChildProtectionPlan
from haven.reporting.figures import Figure, Item, declare
from haven.reporting.spans import Span


def _at_month_ends(model: type[Model], period: Period) -> Callable[[Span], list[Item]]:
    def compute(span: Span) -> list[Item]:
        rows = (
            model._default_manager.filter(
                period.overlapping_days(span.first, span.last)
            )
            .order_by()
            .values_list("person_id", period.start, period.end)
        )
        items = []
        for person_id, start, end in rows:
            for month in span.months:
                if contains(start, end, month.last, inclusive_end=period.inclusive_end):
                    items.append(
                        Item(person_id, month.key, month.last, details=(start,))
                    )
        return items

    return compute


def _looked_after(span: Span) -> list[Item]:
    """Children in care at each month's end and not on a short break there: the
    care app's own answer (haven.care.episodes.looked_after_on), asked of each
    period read with its legal statuses in two queries."""
    periods = PeriodOfCare.objects.filter(
        PERIOD_OF_CARE.overlapping_days(span.first, span.last)
    ).order_by()
    rows = periods.values_list("pk", "person_id", "started_on", "ended_on")
    statuses: dict[int, list[Status]] = {}
    held = LegalStatus.objects.filter(period__in=periods.values("pk"))
    for period_id, code, start, end in held.order_by("started_on", "pk").values_list(
        "period_id", "code", "started_on", "ended_on"
    ):
        statuses.setdefault(period_id, []).append(Status(code, start, end))
    items = []
    for pk, person_id, start, end in rows:
        history = CareHistory(start, end, statuses=tuple(statuses.get(pk, ())))
        for month in span.months:
            if episodes.looked_after_on(history, month.last):
                items.append(Item(person_id, month.key, month.last, details=(start,)))
    return items


def _declare(key: str, name: str, counts: str, source: str, **kw: Any) -> Figure:
    return declare(
        Figure(
            key=key,
            name=name,
            counts=counts,
            source=source,
            columns=("Since",),
            team_words="the team holding the child's case at the end of the month",
            month_alone=True,
            **kw,
        )
    )


IN_NEED = _declare(
    "in_need",
    "Children in need",
    "Children with an open child in need episode at the end of each month "
    "(looked-after children and children on child protection plans included)",
    "A child in need episode runs from the referral to its closure (Children "
    "Act 1989 s17; the CIN census counts every episode open on 31 March the "
    "same way). An episode that closed on the last day of a month is not open "
    "at its end.",
    compute=_at_month_ends(CinEpisode, EPISODE_PERIOD),
)
ON_A_PLAN = _declare(
    "cp_plans",
    "On child protection plans",
    "Children on a child protection plan at the end of each month",
    "A child protection plan runs from the conference that starts it to the "
    "conference (or transfer) that ends it (Working Together to Safeguard "
    "Children 2023, chapter 4; CIN census CPPstartDate and CPPendDate).",
    compute=_at_month_ends(ChildProtectionPlan, PLAN_PERIOD),
)
LOOKED_AFTER = _declare(
    "looked_after",
    "Looked after",
    "Children looked after at the end of each month, short breaks left out",
    "A period of care runs from the day the child started to be looked after "
    "to the day they ceased (Children Act 1989 s22; SSDA903 DECOM and DEC). A "
    "child on a short break that day (legal status V3 or V4) is not counted, as "
    "the DfE leaves them out of the children looked after on 31 March.",
    compute=_looked_after,
)

# The figures drawn together on one line chart.
OVER_TIME = (IN_NEED, ON_A_PLAN, LOOKED_AFTER)
