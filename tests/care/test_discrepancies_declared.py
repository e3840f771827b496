"""The discrepancies other parts of care declare: a missing episode open for
more than 24 hours with no police reference, and the last visit in the current
placement recorded somewhere other than the placement. Each says what to do
and links to the fix."""

import datetime as dt

import pytest

from haven.care import moves
from haven.care.discrepancies import discrepancies
from haven.care.missing.recording import Police, record_police_report, report_missing
from haven.care.placing import PlacementDetails
from haven.core import clock
from tests.care.factories import fostered, in_care, in_home, visited

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 10)


def found(child, today, code):
    return [d for d in discrepancies([child.pk], today) if d.code == code]


@pytest.fixture
def period(child, alice, carer, today):
    return in_care(child, by=alice, on=START, placement=fostered(carer))


def _went(hours_ago: int) -> dt.datetime:
    return clock.now() - dt.timedelta(hours=hours_ago)


# --- missing with no police reference -------------------------------------------

MISSING = "missing_no_police_reference"


def test_missing_more_than_a_day_and_not_reported(child, alice, period, today):
    episode = report_missing(period, kind="M", started_at=_went(30), by=alice)
    (one,) = found(child, today, MISSING)
    assert "more than 24 hours, and not recorded as reported to the police" in (
        one.says
    )
    assert one.todo.startswith("Report the child missing to the police now")
    assert one.url == f"/looked-after/missing/{episode.pk}/police/"
    assert one.link == "Record the police report"


def test_reported_but_no_reference_then_the_reference_recorded(
    child, alice, period, today
):
    episode = report_missing(
        period, kind="A", started_at=_went(26), police=Police(True), by=alice
    )
    (one,) = found(child, today, MISSING)
    assert "reported to the police, but no police reference is recorded" in one.says
    assert one.todo == "Ask the police for their reference and record it"
    record_police_report(episode, police=Police(True, "WY-20260615-7"), by=alice)
    assert found(child, today, MISSING) == []


def test_not_yet_a_day_or_returned_is_no_discrepancy(child, alice, period, today):
    report_missing(
        period,
        kind="M",
        started_at=_went(50),
        returned_at=_went(40),
        by=alice,
    )
    report_missing(period, kind="M", started_at=_went(20), by=alice)
    assert found(child, today, MISSING) == []


# --- the last visit not at the placement ----------------------------------------

ELSEWHERE = "visit_not_at_placement"


def test_the_last_visit_recorded_away_from_the_placement(child, alice, period, today):
    visited(child, by=alice, on=today - dt.timedelta(days=20))
    visited(child, by=alice, on=today - dt.timedelta(days=3), place="school")
    placement = period.placements.get()
    (one,) = found(child, today, ELSEWHERE)
    assert one.says.startswith(
        f"The last statutory visit, on {today - dt.timedelta(days=3):%-d %B %Y}, "
        "is recorded as made at school, not at the placement"
    )
    assert "7 Ash Grove, Leeds, LS6 1AA" in one.says
    assert one.url == f"/looked-after/placements/{placement.pk}/visit/"
    assert "see their bedroom" in one.todo
    # A visit at the placement since puts it right.
    visited(child, by=alice, on=today - dt.timedelta(days=1))
    assert found(child, today, ELSEWHERE) == []


def test_only_visits_in_the_current_placement_count(child, alice, period, home, today):
    visited(child, by=alice, on=today - dt.timedelta(days=30), place="home")
    moves.move_placement(
        period,
        on=today - dt.timedelta(days=10),
        placement=in_home(home),
        reason="CREQB",
        by=alice,
    )
    assert found(child, today, ELSEWHERE) == []
    visited(child, by=alice, on=today - dt.timedelta(days=2), place="other")
    (one,) = found(child, today, ELSEWHERE)
    assert "recorded as made somewhere else" in one.says


def test_a_child_placed_with_parents_is_visited_at_home(child, alice, today):
    in_care(
        child,
        by=alice,
        on=START,
        placement=PlacementDetails(
            "P1", address_line_1="1 Home Street", postcode="LS6 1AA"
        ),
    )
    visited(child, by=alice, on=today - dt.timedelta(days=2), place="home")
    assert found(child, today, ELSEWHERE) == []
