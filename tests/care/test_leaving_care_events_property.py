"""Becoming an eligible or a relevant child, by property over random histories
of care: the day each event gives is the first day status.py's rule says the
young person was eligible (or relevant), read day by day; a daily job run on
any day emits exactly the events whose day has come, so each is emitted once
and never moves; and against the database, syncing again and again leaves one
event of each kind, dated as the rule says."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.care.leavers import becoming
from haven.care.leavers.rules import ELIGIBLE, RELEVANT, Span, birthday, standing
from haven.care.models import LegalStatus, PeriodOfCare
from haven.core import clock
from haven.core.models import JournalEvent
from tests.factories import ChildFactory

D = dt.timedelta
TODAY = dt.date(2026, 6, 15)
borns = st.dates(min_value=dt.date(2007, 1, 1), max_value=dt.date(2011, 12, 31))


@st.composite
def histories(draw: st.DrawFn) -> tuple[dt.date, list[Span]]:
    """A birth date and up to three periods of care from 12 on, apart, the
    last perhaps still open."""
    born = draw(borns)
    day = birthday(born, 12) + D(days=draw(st.integers(0, 2000)))
    spans: list[Span] = []
    for _ in range(draw(st.integers(1, 3))):
        length = draw(st.integers(1, 500))
        spans.append((day, day + D(days=length)))
        day += D(days=length + draw(st.integers(1, 400)))
    if draw(st.booleans()):
        spans[-1] = (spans[-1][0], None)
    return born, spans


def _read_day_by_day(born: dt.date, spans: list[Span], today: dt.date) -> dict:
    """The first day of each status, asking the rule about every day."""
    found: dict[str, dt.date] = {}
    day, last = birthday(born, 16), min(today, birthday(born, 18))
    while day <= last:
        kind = standing(born, spans, day).kind
        if kind in (ELIGIBLE, RELEVANT):
            found.setdefault(kind, day)
        day += D(days=1)
    return found


@settings(max_examples=60, deadline=None)
@given(histories(), st.integers(0, 2500))
def test_the_first_days_are_the_rules_and_a_daily_run_emits_each_once(history, offset):
    born, spans = history
    everything = _read_day_by_day(born, spans, birthday(born, 19))
    assert becoming.first_days(born, spans, birthday(born, 19)) == everything
    # Whatever day the job runs, it finds those whose day has come, as it did
    # the day before: an event, once emitted, is never emitted again or moved.
    today = birthday(born, 14) + D(days=offset)
    found = becoming.first_days(born, spans, today)
    assert found == {k: d for k, d in everything.items() if d <= today}
    before = becoming.first_days(born, spans, today - D(days=1))
    assert all(found[k] == d for k, d in before.items())


def _recorded(child, spans: list[Span]) -> None:
    for start, end in spans:
        period = PeriodOfCare.objects.create(
            person=child,
            started_on=start,
            need="N1",
            ended_on=end,
            reason_ended="E8" if end else "",
        )
        LegalStatus.objects.create(
            period=period, code="C2", started_on=start, ended_on=end
        )


@pytest.mark.django_db
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(histories(), st.lists(st.integers(0, 2500), min_size=1, max_size=3))
def test_syncing_on_any_days_leaves_one_event_of_each_kind(freezer, history, days):
    born, spans = history
    with transaction.atomic():
        child = ChildFactory(date_of_birth=born)
        _recorded(child, spans)
        for offset in sorted(days):
            freezer.at = clock.start_of(birthday(born, 14) + D(days=offset))
            becoming.sync(child, by=None)
            becoming.sync(child, by=None)
        freezer.at = clock.start_of(birthday(born, 19))
        becoming.sync(child, by=None)
        events = JournalEvent.objects.filter(person=child, type__in=becoming.FACTS)
        dated = {e.type: timezone.localdate(e.occurred_at) for e in events}
        assert events.count() == len(dated)
        wanted = _read_day_by_day(born, spans, birthday(born, 19))
        assert dated == {becoming.KIND[k]: d for k, d in wanted.items()}
        transaction.set_rollback(True)
