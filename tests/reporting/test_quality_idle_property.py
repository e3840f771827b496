"""The idle-episode check's months of work, worked out by the database, equal
a day-by-day reading of the child's journal: at each month's end, whether a
person recorded anything in the months before (after the day that many
months earlier, up to and including the month's end)."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.cin.models import CinEpisode
from haven.core import clock, journal
from haven.core.models import JournalEvent, User
from haven.reporting.quality.idle import _worked
from haven.reporting.spans import Span
from haven.timescales.calendar import add_months
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
SPAN = Span(dt.date(2025, 7, 1), dt.date(2026, 6, 15))
# Any day, and the days either side of each window's edges.
EDGES = sorted(
    {
        edge + dt.timedelta(days=shift)
        for month in SPAN.months
        for edge in [month.last, *(add_months(month.last, -m) for m in range(1, 13))]
        for shift in (0, 1)
    }
)
DAYS = st.one_of(
    st.dates(min_value=dt.date(2024, 6, 1), max_value=dt.date(2026, 7, 31)),
    st.sampled_from(EDGES),
)


def _naive(days: list[dt.date], months: int) -> set[dt.date]:
    return {
        month.last
        for month in SPAN.months
        if any(add_months(month.last, -months) < d <= month.last for d in days)
    }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    days=st.lists(DAYS, max_size=6),
    system=st.lists(DAYS, max_size=2),
    months=st.integers(min_value=1, max_value=12),
)
def test_work_in_each_months_window_is_read_exactly(
    alice: User, days: list[dt.date], system: list[dt.date], months: int
) -> None:
    child = ChildFactory()
    CinEpisode.objects.create(
        person=child, referral_date=dt.date(2024, 5, 1), source="2A", primary_need="N1"
    )
    with transaction.atomic():
        for day in days:  # late in the day: still that day's work
            at = clock.start_of(day) + dt.timedelta(hours=23, minutes=59)
            journal.append(
                child, "casework.note_recorded", {}, by=alice, occurred_at=at
            )
        for day in system:  # the system's own events are not work
            journal.append(
                child,
                "timescales.recomputed",
                {},
                by=None,
                occurred_at=clock.start_of(day),
                source=JournalEvent.Source.SYSTEM,
            )
    assert _worked(SPAN, months).get(child.pk, set()) == _naive(days, months)
