"""The whereabouts board's "Missing now" column reads the missing episodes
recorded beside the placement (the source declared in care's plugin.py)."""

import datetime as dt

import pytest

from haven.care.board import board
from haven.care.missing import recording
from haven.core import clock
from tests.care.factories import fostered, in_care

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 10)


def test_a_child_reported_missing_is_missing_on_the_board_until_they_return(
    child, alice, carer, today
):
    period = in_care(child, by=alice, on=START, placement=fostered(carer))
    (row,) = board(alice).rows
    assert row.away is None
    started = clock.now() - dt.timedelta(hours=5)
    episode = recording.report_missing(
        period, kind="M", started_at=started, returned_at=None, by=alice
    )
    (row,) = board(alice).rows
    assert (row.away.kind, row.away.since) == ("missing", started)
    assert str(episode.pk) in row.away.url
    recording.record_return(episode, returned_at=clock.now(), by=alice)
    (row,) = board(alice).rows
    assert row.away is None
