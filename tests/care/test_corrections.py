"""Corrections to past placements: a reason, the history kept in one chain, and
a journal event that keeps before and after and names the event it corrects."""

import datetime as dt

import pytest

from haven.care import moves
from haven.care.corrections import correct_placement
from haven.care.models import Placement
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from tests.care.factories import fostered, in_care, in_home

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 10)
MOVE = dt.date(2025, 9, 1)
REALLY = dt.date(2025, 8, 25)


@pytest.fixture
def moved(child, alice, carer, home):
    """Fostered from 10 January 2025, moved to a children's home on 1 September."""
    period = in_care(child, by=alice, placement=fostered(carer))
    moves.move_placement(
        period, on=MOVE, placement=in_home(home), reason="CREQB", by=alice
    )
    return period


def _second(period):
    return Placement.objects.select_related("period__person").get(
        period=period, started_on__gte=MOVE - dt.timedelta(days=30)
    )


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


def test_correcting_the_day_of_a_move_moves_the_end_of_the_one_before(
    moved, alice, home
):
    second = _second(moved)
    correct_placement(
        second,
        started_on=REALLY,
        details=in_home(home),
        change_reason="",
        why="The move was on 25 August: the record was made from the wrong letter",
        by=alice,
    )
    first, second = moved.placements.order_by("started_on")
    assert (first.ended_on, second.started_on) == (REALLY, REALLY)
    event = JournalEvent.objects.get(type="care.placement_corrected")
    assert event.reason.startswith("The move was on 25 August")
    assert event.payload["before"]["started_on"] == "2025-09-01"
    assert event.payload["after"]["started_on"] == "2025-08-25"
    assert event.payload["previous_before"]["ended_on"] == "2025-09-01"
    assert event.payload["previous_after"]["ended_on"] == "2025-08-25"
    assert event.corrects.type == "care.placement_moved"


def test_correcting_the_type_of_a_past_placement(moved, alice, carer):
    first = moved.placements.order_by("started_on").first()
    correct_placement(
        first,
        started_on=START,
        details=fostered(carer, place="U4"),
        change_reason="CREQB",
        why="It was long-term fostering from the start",
        by=alice,
    )
    first.refresh_from_db()
    assert first.place == "U4"
    event = JournalEvent.objects.get(type="care.placement_corrected")
    assert (event.payload["before"]["place"], event.payload["after"]["place"]) == (
        "U6",
        "U4",
    )
    assert event.corrects.type == "care.placement_moved"


def test_a_correction_needs_a_reason(moved, alice, home):
    with pytest.raises(DomainError) as refused:
        correct_placement(
            _second(moved),
            started_on=REALLY,
            details=in_home(home),
            change_reason="",
            why=" ",
            by=alice,
        )
    assert _codes(refused) == ["why_required"]


def test_a_correction_that_changes_nothing_is_refused(moved, alice, home):
    with pytest.raises(DomainError) as refused:
        correct_placement(
            _second(moved),
            started_on=MOVE,
            details=in_home(home),
            change_reason="",
            why="Checking",
            by=alice,
        )
    assert _codes(refused) == ["nothing_corrected"]
    assert not JournalEvent.objects.filter(type="care.placement_corrected").exists()


def test_a_correction_cannot_swallow_the_placement_before(moved, alice, home):
    with pytest.raises(DomainError) as refused:
        correct_placement(
            _second(moved),
            started_on=START,
            details=in_home(home),
            change_reason="",
            why="Wrong date",
            by=alice,
        )
    assert _codes(refused) == ["placement_no_days"]
    assert moved.placements.order_by("started_on").first().ended_on == MOVE


def test_the_first_placement_starts_with_the_period(moved, alice, carer):
    first = moved.placements.order_by("started_on").first()
    with pytest.raises(DomainError) as refused:
        correct_placement(
            first,
            started_on=START + dt.timedelta(days=2),
            details=fostered(carer),
            change_reason="CREQB",
            why="Wrong date",
            by=alice,
        )
    assert _codes(refused) == ["first_placement_start"]


def test_a_placement_that_ended_in_a_move_keeps_its_reason(moved, alice, carer):
    first = moved.placements.order_by("started_on").first()
    with pytest.raises(DomainError) as refused:
        correct_placement(
            first,
            started_on=START,
            details=fostered(carer, place="U4"),
            change_reason="",
            why="Long-term",
            by=alice,
        )
    assert _codes(refused) == ["reason_required"]


def test_a_correction_is_checked_against_the_legal_status(moved, alice, carer):
    first = moved.placements.order_by("started_on").first()
    with pytest.raises(DomainError) as refused:
        correct_placement(
            first,
            started_on=START,
            details=fostered(carer, place="A5"),
            change_reason="CREQB",
            why="It was a placement for adoption",
            by=alice,
        )
    assert _codes(refused) == ["needs_placement_order"]


def test_a_stranger_may_not_correct(moved, bob, home):
    from haven.core.errors import AccessDenied

    with pytest.raises(AccessDenied):
        correct_placement(
            _second(moved),
            started_on=REALLY,
            details=in_home(home),
            change_reason="",
            why="Wrong date",
            by=bob,
        )


def test_correcting_the_day_of_a_move_to_a_later_day(moved, alice, home):
    """The placement that gives up days is saved first, so PostgreSQL's no
    overlap constraint never sees the two overlap on the way."""
    later = MOVE + dt.timedelta(days=4)
    correct_placement(
        _second(moved),
        started_on=later,
        details=in_home(home),
        change_reason="",
        why="The move was four days later",
        by=alice,
    )
    first, second = moved.placements.order_by("started_on")
    assert (first.ended_on, second.started_on) == (later, later)
