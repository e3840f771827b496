"""A visit note appends only its own fact (timeline.on_note): the journal it
leaves is the one a sync of the child's whole history would leave."""

import datetime as dt

from django.db import transaction

from haven.care import moves, services
from haven.care.visits import timeline
from haven.core import journal
from haven.core.models import JournalEvent
from tests.care.factories import fostered, in_care, in_home, visited

D = dt.date


def _in_step(child, alice):
    """Nothing for a full sync to append: the standing facts are those derived."""
    before = JournalEvent.objects.filter(person=child).count()
    with transaction.atomic():
        timeline.sync(child, by=alice)
    return JournalEvent.objects.filter(person=child).count() == before


def test_new_backdated_and_outside_care_visits_leave_the_journal_in_step(
    child, alice, carer, home
):
    visited(child, by=alice, on=D(2025, 1, 5))  # before care: no fact
    period = in_care(child, by=alice, placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 15))
    moves.move_placement(
        period, on=D(2025, 2, 3), placement=in_home(home), reason="CREQB", by=alice
    )
    visited(child, by=alice, on=D(2025, 2, 20))
    visited(child, by=alice, on=D(2025, 1, 20))  # backdated, at the first placement
    services.end_period_of_care(period, on=D(2025, 3, 1), reason="E4A", by=alice)
    visited(child, by=alice, on=D(2025, 3, 5))  # after care: no fact
    visited(child, by=alice, on=D(2025, 2, 25))  # backdated, in care
    assert _in_step(child, alice)
    facts = JournalEvent.objects.filter(person=child, type=timeline.VISIT)
    assert facts.count() == 4
    first = facts.get(
        payload__note=facts.order_by("occurred_at").first().payload["note"]
    )
    assert first.payload["placement"] == period.placements.order_by("started_on")[0].pk


def test_a_note_is_recomputed_into_the_obligations_once(child, alice, carer):
    in_care(child, by=alice, placement=fostered(carer))
    calls = []
    journal.ONCE.append(calls.append)
    try:
        visited(child, by=alice, on=D(2025, 1, 15))
    finally:
        journal.ONCE.remove(calls.append)
    assert [sorted(e.type for e in events) for events in calls] == [
        sorted(["casework.note_recorded", timeline.VISIT])
    ]
