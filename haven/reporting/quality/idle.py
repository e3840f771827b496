"""An open child in need episode with no recorded work for months: no event
in the child's journal made by a person (on a screen or through the API) in
the months before the month's end. How many months is the authority's own
practice (HAVEN_QUALITY_IDLE_MONTHS, 6 unless it sets another); no statute
sets it."""

import datetime as dt

from django.conf import settings
from django.db.models import Case, Max, Value, When

from haven.cin.models import EPISODE_PERIOD, CinEpisode
from haven.core import clock
from haven.core.models import JournalEvent
from haven.core.periods import contains
from haven.reporting.figures import Item
from haven.reporting.quality.checks import Check, declare, found, links
from haven.reporting.spans import Span
from haven.timescales.calendar import add_months

SETTING = "HAVEN_QUALITY_IDLE_MONTHS"
BY_PEOPLE = (JournalEvent.Source.SCREEN, JournalEvent.Source.API)


def idle_months() -> int:
    return int(settings.HAVEN_QUALITY_IDLE_MONTHS)


def _next_day(day: dt.date) -> dt.datetime:
    return clock.start_of(day + dt.timedelta(days=1))


def _worked(span: Span, months: int) -> dict[int, set[dt.date]]:
    """For each child, the ends of the span's months by which a person had
    recorded work on their record in the `months` months before (after the
    day that many months earlier): one row per child, each month a column the
    database works out, so no event is read into Python."""
    ends = [month.last for month in span.months]
    windows = {
        f"w{index}": Max(
            Case(
                When(
                    occurred_at__gte=_next_day(add_months(day, -months)),
                    occurred_at__lt=_next_day(day),
                    then=Value(1),
                ),
                default=Value(0),
            )
        )
        for index, day in enumerate(ends)
    }
    rows = (
        JournalEvent.objects.filter(
            source__in=BY_PEOPLE,
            occurred_at__gte=_next_day(add_months(ends[0], -months)),
            occurred_at__lt=_next_day(ends[-1]),
            person__in=CinEpisode.objects.filter(
                EPISODE_PERIOD.overlapping_days(span.first, span.last)
            ).values("person_id"),
        )
        .order_by()
        .values("person_id")
        .annotate(**windows)
        .values_list("person_id", *windows)
    )
    return {
        person_id: {day for day, held in zip(ends, held, strict=True) if held}
        for person_id, *held in rows
    }


def _compute(span: Span) -> list[Item]:
    months = idle_months()
    worked = _worked(span, months)
    episodes = (
        CinEpisode.objects.filter(
            EPISODE_PERIOD.overlapping_days(span.first, span.last)
        )
        .order_by()
        .values_list("person_id", EPISODE_PERIOD.start, EPISODE_PERIOD.end)
    )
    items, link = [], links("cin:person")
    ends = [(month, add_months(month.last, -months)) for month in span.months]
    for person_id, start, end in episodes:
        for month, cutoff in ends:
            day = month.last
            if not contains(
                start, end, day, inclusive_end=EPISODE_PERIOD.inclusive_end
            ):
                continue
            if start > cutoff or day in worked.get(person_id, ()):
                continue
            words = (
                f"Open since {start:%-d %B %Y} with no work recorded in {months} months"
            )
            items.append(found(person_id, month, words, link(person_id)))
    return items


IDLE = declare(
    Check(
        key="idle_episodes",
        name="Open episode with no recent work",
        finds="Children in need episodes open at the end of the month with "
        "nothing recorded on the child's record by a person (a visit, a note, a "
        "plan, a review) in the months before it; how many months is set by the "
        "authority",
        breaks="An episode left open keeps the child in the CIN census as in need "
        "and on the worker's caseload and work queues, inflating both; a child "
        "in need with nothing recorded for months may also be a child nobody is "
        "seeing.",
        fixed_on="Record the work, or close the episode (the child's children in "
        "need page)",
        compute=_compute,
        practice=lambda: (
            f"{idle_months()} months: the authority's own practice "
            f"(the setting {SETTING}; 6 unless it sets another). No statute or "
            "guidance sets how long an episode may go without recorded work."
        ),
        history="Counted from the episodes and the child's journal as they stood "
        "at each month's end.",
    )
)
