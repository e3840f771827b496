"""Corrections to a legal status and to a period of care's dates: a reason,
both histories kept in one chain, the same refusals as at entry (every fault at
once, in words), journal events that name what they correct, and every derived
view (episodes, the board as corrected and as recorded) following at once."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.care import moves, selectors, services
from haven.care.board import board
from haven.care.missing.recording import report_missing
from haven.care.period_corrections import PeriodDates, correct_period
from haven.care.status_corrections import correct_legal_status
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from tests.care.factories import fostered, in_care, in_home

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 10)
MOVE = dt.date(2025, 9, 1)
ORDER = dt.date(2025, 6, 2)
END = dt.date(2026, 3, 1)
ONE_HOUR = dt.timedelta(hours=1)


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


@pytest.fixture
def period(child, alice, carer, home):
    """Fostered from 10 January 2025 (C1), a care order from 2 June (C2), moved
    to a children's home on 1 September."""
    period = in_care(child, by=alice, placement=fostered(carer))
    moves.change_legal_status(period, on=ORDER, code="C2", by=alice)
    moves.move_placement(
        period, on=MOVE, placement=in_home(home), reason="CREQB", by=alice
    )
    return period


@pytest.fixture
def ended(period, alice):
    return services.end_period_of_care(period, on=END, reason="E4A", by=alice)


def _dates(period, **kw):
    values = {
        "started_on": period.started_on,
        "need": period.need,
        "ended_on": period.ended_on,
        "reason_ended": period.reason_ended,
        **kw,
    }
    return PeriodDates(**values)


def test_moving_the_start_moves_the_first_legal_status_and_placement(
    period, child, alice
):
    earlier = START - dt.timedelta(days=3)
    correct_period(
        period,
        dates=_dates(period, started_on=earlier),
        why="Came into care on the Tuesday, not the Friday",
        by=alice,
    )
    (care,) = selectors.care_of(child)
    assert care.period.started_on == earlier
    assert care.statuses[0].started_on == earlier
    assert care.placements[0].started_on == earlier
    assert care.episodes[0].decom == earlier
    assert care.episodes[0].rne == "S"
    event = JournalEvent.objects.filter(type="care.period_of_care_started").latest(
        "sequence"
    )
    assert event.corrects.type == "care.period_of_care_started"
    assert event.payload["before"]["started_on"] == "2025-01-10"
    assert event.occurred_at.date() == earlier
    assert event.reason.startswith("Came into care")
    found = board(alice, day=START - dt.timedelta(days=1))
    assert [r.child for r in found.rows] == [child]


def test_moving_the_start_later_is_checked_with_every_fault_at_once(period, alice):
    with pytest.raises(DomainError) as refused:
        correct_period(
            period,
            dates=_dates(period, started_on=ORDER + dt.timedelta(days=1), need="N9"),
            why="",
            by=alice,
        )
    assert _codes(refused) == [
        "legal_status_no_days",
        "need_required",
        "why_required",
    ]
    assert "The first legal status ended on 2 June 2025" in str(refused.value)
    period.refresh_from_db()
    assert period.started_on == START


def test_a_start_before_birth_is_refused(period, child, alice):
    born = child.date_of_birth
    with pytest.raises(DomainError) as refused:
        correct_period(
            period,
            dates=_dates(period, started_on=born - dt.timedelta(days=1)),
            why="Typed the wrong year",
            by=alice,
        )
    assert "before_birth" in _codes(refused)


def test_the_end_and_its_reason_are_corrected(ended, child, alice):
    later = END + dt.timedelta(days=7)
    correct_period(
        ended,
        dates=_dates(ended, ended_on=later, reason_ended="E11"),
        why="Adoption order made a week later",
        by=alice,
    )
    (care,) = selectors.care_of(child)
    assert (care.period.ended_on, care.period.reason_ended) == (later, "E11")
    assert care.statuses[-1].ended_on == later
    assert care.placements[-1].ended_on == later
    assert (care.episodes[-1].dec, care.episodes[-1].rec) == (later, "E11")
    event = JournalEvent.objects.filter(type="care.period_of_care_ended").latest(
        "sequence"
    )
    assert event.corrects.type == "care.period_of_care_ended"
    assert event.payload["before"] == {"on": "2026-03-01", "reason": "E4A"}
    # The board for a day between the two ends: still in care, as corrected;
    # as recorded then, the period had ended.
    day = END + dt.timedelta(days=2)
    assert [r.child for r in board(alice, day=day).rows] == [child]


def test_an_end_before_the_last_placement_started_is_refused(ended, alice):
    with pytest.raises(DomainError) as refused:
        correct_period(
            ended,
            dates=_dates(ended, ended_on=MOVE - dt.timedelta(days=1), reason_ended=""),
            why="Wrong day",
            by=alice,
        )
    assert _codes(refused) == ["placement_no_days", "reason_required"]


def test_a_correction_neither_ends_nor_reopens_a_period(period, ended, alice):
    with pytest.raises(DomainError) as refused:
        correct_period(
            ended,
            dates=_dates(ended, ended_on=None, reason_ended=""),
            why="Ended by mistake",
            by=alice,
        )
    assert "end_required" in _codes(refused)


def test_an_open_period_cannot_be_ended_by_a_correction(period, alice):
    with pytest.raises(DomainError) as refused:
        correct_period(
            period,
            dates=_dates(period, ended_on=END, reason_ended="E4A"),
            why="It ended",
            by=alice,
        )
    assert _codes(refused) == ["period_open"]


def test_a_start_that_would_overlap_an_earlier_period_is_refused(
    child, alice, carer, today
):
    first = in_care(child, by=alice, on=START, placement=fostered(carer))
    services.end_period_of_care(first, on=MOVE, reason="E4A", by=alice)
    second = in_care(
        child, by=alice, on=MOVE + dt.timedelta(days=10), placement=fostered(carer)
    )
    with pytest.raises(DomainError) as refused:
        correct_period(
            second,
            dates=_dates(second, started_on=MOVE - dt.timedelta(days=5)),
            why="Earlier",
            by=alice,
        )
    assert _codes(refused) == ["overlaps_period_of_care"]


def test_a_start_after_a_missing_episode_of_the_period_is_refused(period, alice):
    went = timezone.make_aware(dt.datetime(2025, 2, 1, 21, 0))
    report_missing(
        period, kind="M", started_at=went, returned_at=went + ONE_HOUR, by=alice
    )
    with pytest.raises(DomainError) as refused:
        correct_period(
            period,
            dates=_dates(period, started_on=dt.date(2025, 2, 3)),
            why="Later",
            by=alice,
        )
    assert _codes(refused) == ["missing_before_start"]


def test_nothing_changed_is_refused(period, alice):
    with pytest.raises(DomainError) as refused:
        correct_period(period, dates=_dates(period), why="Checking", by=alice)
    assert _codes(refused) == ["nothing_corrected"]


def test_a_stranger_may_not_correct_a_period(period, bob):
    with pytest.raises(AccessDenied):
        correct_period(period, dates=_dates(period), why="Wrong", by=bob)


# --- legal statuses ------------------------------------------------------------


def _second_status(period):
    return period.legal_statuses.order_by("started_on").last()


def test_correcting_the_day_an_order_was_made_moves_the_one_before(
    period, child, alice
):
    really = ORDER - dt.timedelta(days=9)
    correct_legal_status(
        _second_status(period),
        code="C2",
        started_on=really,
        why="The order was made on 24 May",
        by=alice,
    )
    (care,) = selectors.care_of(child)
    first, second = care.statuses
    assert (first.ended_on, second.started_on) == (really, really)
    assert [e.decom for e in care.episodes][1] == really
    event = JournalEvent.objects.get(type="care.legal_status_corrected")
    assert event.corrects.type == "care.legal_status_changed"
    assert event.payload["previous_after"]["ended_on"] == really.isoformat()


def test_correcting_the_code_changes_the_episodes(period, child, alice):
    first = period.legal_statuses.order_by("started_on").first()
    correct_legal_status(
        first, code="V2", started_on=START, why="Was accommodated", by=alice
    )
    (care,) = selectors.care_of(child)
    assert care.episodes[0].ls == "V2"
    event = JournalEvent.objects.get(type="care.legal_status_corrected")
    # The period's start event is the start of care, never replaced by this.
    assert event.corrects is None


def test_a_legal_status_correction_lists_every_refusal(period, alice):
    with pytest.raises(DomainError) as refused:
        correct_legal_status(
            _second_status(period),
            code="V3",
            started_on=START,
            why=" ",
            by=alice,
        )
    assert _codes(refused) == [
        "legal_status_no_days",
        "short_break_changes",
        "short_break_move",
        "why_required",
    ]


def test_the_first_legal_status_starts_with_the_period(period, alice):
    first = period.legal_statuses.order_by("started_on").first()
    with pytest.raises(DomainError) as refused:
        correct_legal_status(
            first, code="C1", started_on=START + dt.timedelta(days=1), why="x", by=alice
        )
    assert _codes(refused) == ["first_legal_status_start"]


def test_a_placement_for_adoption_keeps_its_placement_order(child, alice, carer, today):
    period = in_care(
        child, by=alice, legal_status="E1", placement=fostered(carer, place="A5")
    )
    status = period.legal_statuses.get()
    with pytest.raises(DomainError) as refused:
        correct_legal_status(
            status, code="C2", started_on=START, why="It was a care order", by=alice
        )
    assert _codes(refused) == ["needs_placement_order"]


def test_the_board_as_recorded_then_keeps_the_dates_before_a_correction(
    child, alice, carer, freezer
):
    """Recorded as it happened, corrected months later: on a day the correction
    moved into (or out of) care, the board gives both answers."""
    freezer.at = timezone.make_aware(dt.datetime(2025, 1, 10, 12))
    period = in_care(child, by=alice, on=START, placement=fostered(carer))
    freezer.at = timezone.make_aware(dt.datetime(2025, 3, 3, 12))
    services.end_period_of_care(period, on=dt.date(2025, 3, 3), reason="E4A", by=alice)
    freezer.at = timezone.make_aware(dt.datetime(2025, 5, 1, 12))
    period.refresh_from_db()
    correct_period(
        period,
        dates=_dates(
            period,
            started_on=START - dt.timedelta(days=5),
            ended_on=dt.date(2025, 3, 1),
        ),
        why="Both dates were typed from the wrong form",
        by=alice,
    )
    (row,) = board(alice, day=START - dt.timedelta(days=2)).rows
    assert row.child == child
    assert (row.recorded_differently, row.recorded) == (True, None)
    found = board(alice, day=dt.date(2025, 3, 2))
    assert found.rows == []
    assert [r.child for r in found.recorded_only] == [child]


def test_a_one_day_period_moves_both_ends_past_its_old_end(child, alice, carer):
    """Found by the Hypothesis property: a period of one legal status and one
    placement, moved later than its old end, is saved whole (the database's
    CHECK saw the start pass the old end when the ends were saved apart)."""
    start = dt.date(2025, 1, 10)
    period = in_care(child, by=alice, on=start, placement=fostered(carer))
    services.end_period_of_care(
        period, on=start + dt.timedelta(days=1), reason="E4A", by=alice
    )
    period.refresh_from_db()
    moved = PeriodDates(
        started_on=start + dt.timedelta(days=2),
        need=period.need,
        ended_on=start + dt.timedelta(days=3),
        reason_ended="E4A",
    )
    correct_period(period, dates=moved, why="Dates were keyed wrongly", by=alice)
    status = period.legal_statuses.get()
    placement = period.placements.get()
    for row in (period, status, placement):
        row.refresh_from_db()
    assert (status.started_on, status.ended_on) == (moved.started_on, moved.ended_on)
    assert (placement.started_on, placement.ended_on) == (
        moved.started_on,
        moved.ended_on,
    )


def test_a_status_cannot_change_before_the_order_behind_it_was_made(
    child, alice, carer
):
    """The interim care order implied by the first legal status stays made on
    the day care first started, though the start was corrected earlier: a new
    status before that day would end the order before it was made. Refused in
    words, not by the database (found by test_episodes_property.py)."""
    period = in_care(child, by=alice, on=START, placement=fostered(carer))
    earlier = START - dt.timedelta(days=2)
    correct_period(
        period,
        dates=_dates(period, started_on=earlier),
        why="Came in earlier",
        by=alice,
    )
    with pytest.raises(DomainError) as refused:
        moves.change_legal_status(
            period, on=START - dt.timedelta(days=1), code="C2", by=alice
        )
    assert _codes(refused) == ["before_order_made"]
    assert "interim care order" in str(refused.value.failures[0])
    assert [s.code for s in period.legal_statuses.all()] == ["C1"]
