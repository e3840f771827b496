"""Management oversight on time: of the case supervisions and management
decisions recorded in each month, the per cent recorded within the council's
oversight period of the one before.

The period is local practice, not law (the timescale catalogue holds no rule
for it): the council's management oversight policy (haven.casework, set by an
administrator, its history kept), the stricter period for a child on a child
protection plan or looked after. Each item names the period that applied and
its source, so the figure never rests on a frequency of its own. Oversight is
what the work queues count as oversight (haven.casework.oversight): a case
supervision, or a decision declared as oversight by the app recording it.
The clock starts at the previous oversight or, for a child with none, at the
start of the social worker's allocation holding the case; a child whose case
was never allocated and never overseen before has no clock and is not counted."""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db.models import Max, Model, Q
from django.utils import timezone

from haven.care.models import PeriodOfCare
from haven.care.models.looked_after import PERIOD_OF_CARE
from haven.casework.codes import OversightCategory
from haven.casework.models import OversightPolicy, Supervision
from haven.casework.oversight import (
    DECISIONS,
    HAVEN_DEFAULT_SOURCE,
    HAVEN_DEFAULT_WEEKS,
    MANAGER_PERMISSION,
)
from haven.core.caseroles import CaseRole
from haven.core.models import Allocation, JournalEvent
from haven.core.periods import Period, contains
from haven.protection.models import PLAN_PERIOD, ChildProtectionPlan
from haven.reporting.figures import Figure, Item, declare
from haven.reporting.spans import Span

Seen = tuple[dt.date, str]  # the day of an oversight, and what it was


# Before the period only each child's latest oversight matters (the clock of
# the period's first one starts there): read as one row a child, so the
# period's figure does not read the whole history.
_BEFORE = "Before the period"


def _supervisions(span: Span) -> Iterable[tuple[int, Seen]]:
    held = Supervision.objects.order_by()
    who = ("person_id", "person__merged_into_id")
    rows = held.filter(held_on__gte=span.first, held_on__lte=span.last)
    for person, merged_into, day in rows.values_list(*who, "held_on"):
        yield merged_into or person, (day, "Case supervision")
    before = held.filter(held_on__lt=span.first).values(*who)
    for person, merged_into, day in before.annotate(last=Max("held_on")).values_list(
        *who, "last"
    ):
        yield merged_into or person, (day, _BEFORE)


def _midnight(day: dt.date) -> dt.datetime:
    """The day's start, local time: compared with the column as it is stored,
    so the database can use its index on the time (a __date lookup converts
    every row's time first)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def _decisions(span: Span) -> Iterable[tuple[int, Seen]]:
    """The decisions declared as oversight, read from the journal as the
    work queues read them (a contact decision counts only by a manager)."""
    by_manager = Q(actor__groups__permissions__codename=MANAGER_PERMISSION) | Q(
        actor__is_superuser=True
    )
    decided = Q(pk__in=[])
    for event_type, decision in DECISIONS.items():
        of_type = Q(type=event_type)
        decided |= (of_type & by_manager) if decision.only_by_a_manager else of_type
    events = JournalEvent.objects.filter(decided).order_by()
    who = ("person_id", "person__merged_into_id")
    rows = (
        events.filter(
            occurred_at__gte=_midnight(span.first),
            occurred_at__lt=_midnight(span.last + dt.timedelta(days=1)),
        )
        .values_list("pk", *who, "occurred_at", "type")
        .distinct()
    )
    for _pk, person, merged_into, at, kind in rows:
        yield merged_into or person, (timezone.localdate(at), DECISIONS[kind].words)
    before = events.filter(occurred_at__lt=_midnight(span.first)).values(*who)
    for person, merged_into, at in before.annotate(last=Max("occurred_at")).values_list(
        *who, "last"
    ):
        yield merged_into or person, (timezone.localdate(at), _BEFORE)


def _periods(model: type[Model], period: Period, last: dt.date) -> dict[int, list]:
    found: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    rows = (
        model._default_manager.filter(**{f"{period.start}__lte": last})
        .order_by()
        .values_list("person_id", period.start, period.end)
    )
    for person, start, end in rows:
        found[person].append((start, end))
    return found


def _stricter(last: dt.date) -> Callable[[int, dt.date], bool]:
    """Whether a child was on a child protection plan or looked after on a day."""
    plans = _periods(ChildProtectionPlan, PLAN_PERIOD, last)
    care = _periods(PeriodOfCare, PERIOD_OF_CARE, last)

    def stricter(person: int, day: dt.date) -> bool:
        return any(
            contains(s, e, day, inclusive_end=p.inclusive_end)
            for periods, p in ((plans, PLAN_PERIOD), (care, PERIOD_OF_CARE))
            for s, e in periods.get(person, ())
        )

    return stricter


def _policies() -> Callable[[str, dt.date], tuple[int, str]]:
    """The policy applying to a category on a day, as casework.oversight's
    policy_on chooses it, from its whole history read once."""
    rows = list(
        OversightPolicy.objects.order_by("-applies_from", "-recorded_at", "-pk")
    )

    def policy(category: str, day: dt.date) -> tuple[int, str]:
        for row in rows:
            if row.category == category and row.applies_from <= day:
                return row.weeks, row.source
        return HAVEN_DEFAULT_WEEKS[OversightCategory(category)], HAVEN_DEFAULT_SOURCE

    return policy


def _allocated_from(last: dt.date) -> Callable[[int, dt.date], dt.date | None]:
    """The start of the social worker's allocation holding a case on a day."""
    held: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    rows = Allocation.objects.filter(
        role=CaseRole.SOCIAL_WORKER, started_on__lte=last
    ).values_list("person_id", "started_on", "ended_on")
    for person, start, end in rows:
        held[person].append((start, end))

    def started(person: int, day: dt.date) -> dt.date | None:
        starts = [
            s for s, e in held.get(person, ()) if s <= day and (e is None or day <= e)
        ]
        return max(starts) if starts else None

    return started


def _item(
    person: int,
    bar: str,
    day: dt.date,
    what: str,
    start: dt.date,
    stricter: Callable[[int, dt.date], bool],
    policy: Callable[[str, dt.date], tuple[int, str]],
) -> Item:
    category = (
        OversightCategory.CP_OR_LOOKED_AFTER
        if stricter(person, start)
        else OversightCategory.OTHER
    )
    weeks, source = policy(category, start)
    due = start + dt.timedelta(weeks=weeks)
    every = f"Every {weeks} week{'s' if weeks != 1 else ''} ({source})"
    return Item(
        person, bar, day, hit=day <= due, details=(what, every, start, due, day)
    )


def _compute(span: Span) -> list[Item]:
    seen: dict[int, list[Seen]] = defaultdict(list)
    for person, oversight in (*_supervisions(span), *_decisions(span)):
        seen[person].append(oversight)
    stricter, policy = _stricter(span.last), _policies()
    allocated = _allocated_from(span.last)
    items = []
    for person, found in seen.items():
        by_day: dict[dt.date, str] = {}
        for day, what in sorted(found):
            by_day.setdefault(day, what)  # several on one day count once
        previous = None
        for day, what in by_day.items():
            start = previous or allocated(person, day)
            previous = day
            month = span.month_of(day)
            if month is None or start is None or start == day:
                continue
            items.append(_item(person, month.key, day, what, start, stricter, policy))
    return items


OVERSIGHT = declare(
    Figure(
        key="oversight",
        name="Management oversight on time",
        counts="Of the case supervisions and management decisions recorded in "
        "each month, the per cent recorded within the oversight period of the "
        "one before",
        source="The period is the council's management oversight policy (local "
        "practice: no law sets it, and the timescale catalogue holds no rule for "
        "it), the stricter period for a child on a child protection plan or "
        "looked after on the day the clock started; each one shows the period "
        "that applied and its source. The clock starts at the previous "
        "supervision or management decision or, with none, at the start of the "
        "social worker's allocation. Several on one day count once.",
        compute=_compute,
        unit="oversights",
        rate=True,
        hit_words=("On time", "Late"),
        columns=("Oversight", "Period", "Clock started", "Due", "Done"),
    )
)
