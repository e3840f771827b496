"""A looked-after child's events in a social worker's words."""

import datetime as dt

import pytest

from haven.care import moves, services
from haven.care.corrections import correct_placement
from haven.core.chronology import describe, left_out
from haven.core.models import JournalEvent
from tests.care.factories import fostered, in_care, in_home

pytestmark = pytest.mark.django_db


def test_each_event_reads_as_words(child, alice, carer, home):
    period = in_care(child, by=alice, placement=fostered(carer))
    moves.change_legal_status(period, on=dt.date(2025, 3, 1), code="C2", by=alice)
    moves.move_placement(
        period,
        on=dt.date(2025, 9, 1),
        placement=in_home(home),
        reason="CREQB",
        by=alice,
    )
    placement = period.placements.select_related("period__person").last()
    correct_placement(
        placement,
        started_on=dt.date(2025, 8, 30),
        details=in_home(home),
        change_reason="",
        why="Recorded on the wrong day",
        by=alice,
    )
    services.end_period_of_care(period, on=dt.date(2026, 1, 5), reason="E4A", by=alice)
    words = [
        describe(e)
        for e in JournalEvent.objects.filter(person=child, type__startswith="care.")
        # The placement events the timescale engine reads are not the chronology's.
        .exclude(type__in=left_out())
        .order_by("sequence")
    ]
    assert words == [
        "Started to be looked after: Interim care order. Placed: Foster placement "
        "with other foster carer: not long-term or fostering for adoption "
        "(Haven Fostering Service)",
        "Legal status changed: Full care order",
        "Moved placement: Children's home subject to Children's Homes Regulations "
        "(Larchfield House). Why the last placement ended: Carer request due to "
        "child's behaviour",
        "Placement record from 1 September 2025 corrected: start date",
        "Ceased to be looked after: Returned home to live with parent(s), "
        "relative(s) or other person(s) with parental responsibility as part of "
        "the care planning process",
    ]
