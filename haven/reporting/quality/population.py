"""Whom the identity checks read, and their identifiers as they stood.

The children in need (an open child in need episode) and the looked after
(an open period of care) at each month's end are read from the episodes'
and periods' own dates. A person's identifiers and ethnicity hold no dates
of their own, but every change to them is a `people.details_changed` event
in the child's journal with the values before and after: the value on a day
is the `before` of the first change made after it, or today's if none was."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from haven.care.models import PeriodOfCare
from haven.care.models.looked_after import PERIOD_OF_CARE
from haven.cin.models import EPISODE_PERIOD, CinEpisode
from haven.core import clock
from haven.core.models import JournalEvent
from haven.core.periods import Period, contains
from haven.people.models import Person
from haven.reporting.spans import Span

FIELDS = ("upn", "upn_unknown", "nhs_number", "ethnicity")
Dates = list[tuple[dt.date, dt.date | None]]


@dataclass
class Population:
    in_need: dict[int, Dates] = field(default_factory=dict)
    looked_after: dict[int, Dates] = field(default_factory=dict)
    now: dict[int, dict[str, Any]] = field(default_factory=dict)  # today's values
    changes: dict[int, list[tuple[dt.datetime, dict[str, Any]]]] = field(
        default_factory=dict
    )  # each change's time and the values before it, oldest first

    def is_looked_after(self, person_id: int, day: dt.date) -> bool:
        return _holds(self.looked_after, person_id, day, PERIOD_OF_CARE)

    counted: dict[dt.date, list[int]] = field(default_factory=dict)

    def counted_on(self, day: dt.date) -> list[int]:
        """Those in need or looked after on the day (worked out once a day:
        each identity check asks)."""
        if day not in self.counted:
            self.counted[day] = [
                person_id
                for person_id in self.now
                if _holds(self.in_need, person_id, day, EPISODE_PERIOD)
                or self.is_looked_after(person_id, day)
            ]
        return self.counted[day]

    def value(self, person_id: int, name: str, day: dt.date) -> Any:
        """The person's value for a field at the end of the day."""
        changes = self.changes.get(person_id)
        if not changes:  # most people: no change since the span began
            return self.now[person_id][name]
        after = clock.start_of(day + dt.timedelta(days=1))
        for at, before in changes:
            if at >= after and name in before:
                return before[name]
        return self.now[person_id][name]


def _holds(dates: dict[int, Dates], person_id: int, day: dt.date, p: Period) -> bool:
    return any(
        contains(s, e, day, inclusive_end=p.inclusive_end)
        for s, e in dates.get(person_id, ())
    )


def _dated(
    rows: QuerySet[Any], period: Period, span: Span
) -> tuple[dict[int, Dates], QuerySet[Any]]:
    overlapping = rows.filter(period.overlapping_days(span.first, span.last)).order_by()
    found: dict[int, Dates] = {}
    for person_id, start, end in overlapping.values_list(
        "person_id", period.start, period.end
    ):
        found.setdefault(person_id, []).append((start, end))
    return found, overlapping.values("person_id")


_SHARED: ContextVar[dict[Span, Population] | None] = ContextVar(
    "population", default=None
)


@contextmanager
def shared() -> Iterator[None]:
    """Within it, each span's population is read once and shared by the
    checks that read it (the identity checks of one page)."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def population(span: Span) -> Population:
    """Five queries, whatever the number of children (none, within `shared`,
    for a span read already)."""
    kept = _SHARED.get()
    if kept is not None and span in kept:
        return kept[span]
    made = _read(span)
    if kept is not None:
        kept[span] = made
    return made


def _read(span: Span) -> Population:
    in_need, need_ids = _dated(CinEpisode.objects.all(), EPISODE_PERIOD, span)
    looked_after, care_ids = _dated(PeriodOfCare.objects.all(), PERIOD_OF_CARE, span)
    # Unborn children have no identifiers to check yet.
    people = Person.objects.filter(
        Q(pk__in=need_ids) | Q(pk__in=care_ids), date_of_birth__isnull=False
    ).order_by()
    now = {row["pk"]: row for row in people.values("pk", *FIELDS)}
    changes: dict[int, list[tuple[dt.datetime, dict[str, Any]]]] = {}
    events = (
        JournalEvent.objects.filter(
            type="people.details_changed",
            occurred_at__gt=clock.start_of(span.first),
            person__in=people.values("pk"),
        )
        .order_by("occurred_at", "sequence")
        .values_list("person_id", "occurred_at", "payload")
    )
    for person_id, at, payload in events:
        changes.setdefault(person_id, []).append((at, payload.get("before", {})))
    return Population(in_need, looked_after, now, changes)
