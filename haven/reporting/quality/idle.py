"""An open child in need episode with no recorded work for months: no event
in the child's journal made by a person (on a screen or through the API) in
the months before the month's end. How many months is the authority's own
practice (HAVEN_QUALITY_IDLE_MONTHS, 6 unless it sets another); no statute
sets it."""

import datetime as dt

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone

from haven.cin.models import EPISODE_PERIOD, CinEpisode
from haven.core import clock
from haven.core.models import JournalEvent
from haven.core.periods import contains
from haven.reporting.figures import Item
from haven.reporting.quality.checks import Check, declare, found
from haven.reporting.spans import Span
from haven.timescales.calendar import add_months

SETTING = "HAVEN_QUALITY_IDLE_MONTHS"
BY_PEOPLE = (JournalEvent.Source.SCREEN, JournalEvent.Source.API)


def idle_months() -> int:
    return int(settings.HAVEN_QUALITY_IDLE_MONTHS)


def _last_work(span: Span, months: int) -> dict[int, list[dt.date]]:
    """The day of each child's last work in each calendar month, from
    the earliest month any month's end can look back to: one row per child per
    month at most, whatever the number of events."""
    since = add_months(span.first.replace(day=1), -months)
    rows = (
        JournalEvent.objects.filter(
            source__in=BY_PEOPLE,
            occurred_at__gte=clock.start_of(since),
            occurred_at__lt=clock.start_of(span.last + dt.timedelta(days=1)),
            person__in=CinEpisode.objects.filter(
                EPISODE_PERIOD.overlapping_days(span.first, span.last)
            ).values("person_id"),
        )
        .annotate(month=TruncMonth("occurred_at"))
        .order_by()
        .values_list("person_id", "month")
        .annotate(last=Max("occurred_at"))
    )
    work: dict[int, list[dt.date]] = {}
    for person_id, _month, last in rows:
        work.setdefault(person_id, []).append(timezone.localdate(last))
    return work


def _compute(span: Span) -> list[Item]:
    months = idle_months()
    work = _last_work(span, months)
    episodes = (
        CinEpisode.objects.filter(
            EPISODE_PERIOD.overlapping_days(span.first, span.last)
        )
        .order_by()
        .values_list("person_id", EPISODE_PERIOD.start, EPISODE_PERIOD.end)
    )
    items = []
    for person_id, start, end in episodes:
        fix = reverse("cin:person", args=[person_id])
        for month in span.months:
            day = month.last
            cutoff = add_months(day, -months)
            if not contains(
                start, end, day, inclusive_end=EPISODE_PERIOD.inclusive_end
            ):
                continue
            if start > cutoff or any(
                cutoff < d <= day for d in work.get(person_id, ())
            ):
                continue
            words = (
                f"Open since {start:%-d %B %Y} with no work recorded in {months} months"
            )
            items.append(found(person_id, month, words, fix))
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
