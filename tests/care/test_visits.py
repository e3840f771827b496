"""Statutory visits to a looked-after child: each visit is placed at the
placement the child lived in that day, and the visit regimes of CPPCR reg 28
fall due from the timescale engine on the right day, whatever order the visits,
moves and corrections were recorded in."""

import datetime as dt

import pytest

from haven.care import moves, selectors, services
from haven.care.corrections import correct_placement
from haven.care.models import PeriodOfCare
from haven.care.visits import reads, recording, timeline
from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.timescales.models import Obligation, RuleSetting
from tests.care.factories import fostered, in_care, in_home, visited

pytestmark = pytest.mark.django_db

START = dt.date(2025, 1, 10)
D = dt.date


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


def due(child):
    """The visits due, by rule and due date."""
    return sorted(
        (o.rule_id, o.due_on)
        for o in Obligation.objects.filter(
            person=child, status="due", rule_id__startswith="LAC-VISIT"
        )
    )


def statuses(child, rule_id):
    return [
        (o.due_on, o.status)
        for o in Obligation.objects.filter(person=child, rule_id=rule_id).order_by(
            "due_on"
        )
    ]


def test_the_first_visit_is_due_a_week_after_the_placement_starts(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    assert due(child) == [("LAC-VISIT-1", D(2025, 1, 17))]
    (event,) = JournalEvent.objects.filter(person=child, type=timeline.STARTED)
    assert event.payload["placement"] == period.placements.get().pk


def test_visits_in_the_first_year_are_six_weeks_apart(child, alice, carer):
    in_care(child, by=alice, placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 15))
    assert statuses(child, "LAC-VISIT-1") == [(D(2025, 1, 17), "met_on_time")]
    assert due(child) == [("LAC-VISIT-Y1", D(2025, 2, 26))]
    visited(child, by=alice, on=D(2025, 3, 1))  # three days late
    assert statuses(child, "LAC-VISIT-Y1") == [
        (D(2025, 2, 26), "met_late"),
        (D(2025, 4, 12), "due"),
    ]


@pytest.mark.parametrize(
    ("place", "rule_id", "next_due"),
    [
        # Not intended to last until 18: six weeks after the first year.
        ("U6", "LAC-VISIT-OTHER", D(2026, 4, 12)),
        # Long-term fostering (U4): three months after the first year.
        ("U4", "LAC-VISIT-LT", D(2026, 6, 1)),
    ],
)
def test_after_the_first_year_the_regime_follows_the_placement(
    child, alice, carer, place, rule_id, next_due
):
    in_care(child, by=alice, placement=fostered(carer, place=place))
    visited(child, by=alice, on=D(2025, 12, 20))
    assert due(child) == [("LAC-VISIT-Y1", D(2026, 1, 31))]
    # The placement's first anniversary is 10 January 2026.
    visited(child, by=alice, on=D(2026, 1, 9))
    assert due(child) == [("LAC-VISIT-Y1", D(2026, 2, 20))]
    visited(child, by=alice, on=D(2026, 3, 1))
    assert due(child) == [(rule_id, next_due)]


def test_a_child_who_agrees_is_visited_every_six_months(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer, place="U4"))
    placement = period.placements.get()
    visited(child, by=alice, on=D(2026, 2, 1))
    assert due(child) == [("LAC-VISIT-LT", D(2026, 5, 1))]
    recording.record_fewer_visits_agreed(
        placement, agreed_on=D(2026, 2, 10), views="Fine by me", by=alice
    )
    # The regime changes at the next visit.
    assert due(child) == [("LAC-VISIT-LT", D(2026, 5, 1))]
    visited(child, by=alice, on=D(2026, 4, 20))
    assert due(child) == [("LAC-VISIT-LTFP", D(2026, 10, 20))]


def test_a_backdated_agreement_changes_the_visits_after_it(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer, place="U4"))
    visited(child, by=alice, on=D(2026, 2, 1))
    recording.record_fewer_visits_agreed(
        period.placements.get(), agreed_on=D(2026, 1, 20), views="Yes", by=alice
    )
    assert due(child) == [("LAC-VISIT-LTFP", D(2026, 8, 1))]


def test_the_agreement_is_for_a_long_term_placement_of_a_year(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer, place="U4"))
    placement = period.placements.get()
    with pytest.raises(DomainError) as refused:
        recording.record_fewer_visits_agreed(
            placement, agreed_on=D(2025, 12, 1), views=" ", by=alice
        )
    assert _codes(refused) == ["placement_under_a_year", "views_required"]
    assert "from 10 January 2026" in str(refused.value)
    recording.record_fewer_visits_agreed(
        placement, agreed_on=D(2026, 1, 10), views="Yes", by=alice
    )
    with pytest.raises(DomainError) as refused:
        recording.record_fewer_visits_agreed(
            placement, agreed_on=D(2026, 2, 1), views="Yes", by=alice
        )
    assert refused.value.code == "already_agreed"


def test_only_long_term_fostering_has_the_agreement(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    with pytest.raises(DomainError) as refused:
        recording.record_fewer_visits_agreed(
            period.placements.get(), agreed_on=D(2026, 2, 1), views="Yes", by=alice
        )
    assert refused.value.code == "not_long_term_fostering"


def test_a_move_ends_one_regime_and_starts_the_next(child, alice, carer, home):
    period = in_care(child, by=alice, placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 15))
    moves.move_placement(
        period, on=D(2025, 2, 3), placement=in_home(home), reason="CREQB", by=alice
    )
    assert due(child) == [("LAC-VISIT-1", D(2025, 2, 10))]
    assert statuses(child, "LAC-VISIT-Y1") == [(D(2025, 2, 26), "no_longer_required")]


def test_a_move_recorded_late_moves_the_visits_made_since(child, alice, carer, home):
    """A visit recorded at the old placement, then a move backdated before it:
    the visit was made at the new placement, and meets its first visit."""
    period = in_care(child, by=alice, placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 15))
    note = visited(child, by=alice, on=D(2025, 2, 20))
    moves.move_placement(
        period, on=D(2025, 2, 17), placement=in_home(home), reason="CREQB", by=alice
    )
    new = period.placements.order_by("started_on").last()
    (care,) = selectors.care_of(child)
    assert reads.placement_visited([care], D(2025, 2, 20)) == new
    assert statuses(child, "LAC-VISIT-1")[-1] == (D(2025, 2, 24), "met_on_time")
    assert due(child) == [("LAC-VISIT-Y1", D(2025, 4, 3))]
    restated = JournalEvent.objects.filter(
        person=child, type=timeline.VISIT, corrects__isnull=False
    ).get()
    assert (restated.payload["note"], restated.payload["placement"]) == (
        note.pk,
        new.pk,
    )


def test_a_corrected_start_moves_the_first_visit(child, alice, carer, home):
    period = in_care(child, by=alice, placement=fostered(carer))
    moves.move_placement(
        period, on=D(2025, 3, 1), placement=in_home(home), reason="CARPL", by=alice
    )
    assert due(child) == [("LAC-VISIT-1", D(2025, 3, 8))]
    placement = period.placements.select_related("period__person").last()
    correct_placement(
        placement,
        started_on=D(2025, 2, 25),
        details=in_home(home),
        change_reason="",
        why="The move was four days earlier",
        by=alice,
    )
    assert due(child) == [("LAC-VISIT-1", D(2025, 3, 4))]
    correction = JournalEvent.objects.get(
        person=child, type=timeline.STARTED, corrects__isnull=False
    )
    assert correction.reason == "The move was four days earlier"


def test_leaving_care_ends_the_visits_and_a_visit_after_counts_for_nothing(
    child, alice, carer
):
    period = in_care(child, by=alice, placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 15))
    services.end_period_of_care(period, on=D(2025, 2, 1), reason="E4A", by=alice)
    assert due(child) == []
    visited(child, by=alice, on=D(2025, 2, 5))
    assert JournalEvent.objects.filter(person=child, type=timeline.VISIT).count() == 1


def test_a_visit_ending_care_earlier_is_withdrawn(child, alice, carer):
    """Care ended (recorded late) before a visit recorded as made in care."""
    period = in_care(child, by=alice, placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 15))
    late = visited(child, by=alice, on=D(2025, 2, 20))
    services.end_period_of_care(period, on=D(2025, 2, 10), reason="E4A", by=alice)
    withdrawn = JournalEvent.objects.get(person=child, type=timeline.WITHDRAWN)
    assert withdrawn.payload == {"withdrawn": timeline.VISIT, "note": late.pk}
    assert due(child) == []


def test_only_a_statutory_visit_in_which_the_child_was_seen_counts(child, alice, carer):
    in_care(child, by=alice, placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 12), seen=False)
    visited(child, by=alice, on=D(2025, 1, 13), statutory=False)
    assert due(child) == [("LAC-VISIT-1", D(2025, 1, 17))]
    assert not JournalEvent.objects.filter(person=child, type=timeline.VISIT).exists()


def test_a_short_break_has_no_reg_28_visits(child, alice, carer):
    in_care(child, by=alice, legal_status="V3", placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 12))
    assert due(child) == []


def test_a_visit_asked_for_is_due_when_the_council_says(child, alice, mona, carer):
    RuleSetting.objects.create(
        rule_id="LAC-VISIT-REQ",
        deadline="+5 WD",
        applies_from=D(2020, 1, 1),
        reason="Our standard: within five working days",
        changed_by=mona,
        approved_by=mona,
        recorded_at=clock.now(),
    )
    period = in_care(child, by=alice, placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 15))
    recording.record_visit_request(
        period,
        requested_on=D(2025, 2, 2),  # a Sunday
        asked_by="child",
        details="Wants to talk about contact with her brother",
        by=alice,
    )
    assert due(child) == [
        ("LAC-VISIT-REQ", D(2025, 2, 7)),
        ("LAC-VISIT-Y1", D(2025, 2, 26)),
    ]
    visited(child, by=alice, on=D(2025, 2, 6))
    assert due(child) == [("LAC-VISIT-Y1", D(2025, 3, 20))]
    assert statuses(child, "LAC-VISIT-REQ") == [(D(2025, 2, 7), "met_on_time")]


def test_a_request_names_every_fault(child, alice, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    with pytest.raises(DomainError) as refused:
        recording.record_visit_request(
            period, requested_on=D(2024, 1, 1), asked_by="", details="", by=alice
        )
    assert _codes(refused) == ["asked_by_required", "details_required", "outside_care"]
    assert not PeriodOfCare.objects.get().visit_requests.exists()


def test_the_section_shows_the_next_visit_and_where_each_was_made(
    client, alice, child, carer, home
):
    period = in_care(child, by=alice, placement=fostered(carer))
    visited(child, by=alice, on=D(2025, 1, 15))
    moves.move_placement(
        period, on=D(2025, 2, 3), placement=in_home(home), reason="CREQB", by=alice
    )
    visited(child, by=alice, on=D(2025, 2, 8))
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert "Next visit by 22 March 2025" in page  # 6 weeks from 8 February
    assert "LAC-VISIT-Y1" in page
    assert "U6: 7 Ash Grove, Leeds, LS6 1AA" in page
    assert "K2: 2 Larch Lane, Leeds, LS6 2AB" in page
    assert f"/looked-after/periods/{period.pk}/visit-request/" in page


def test_my_work_links_a_visit_due_to_the_visit_note(client, alice, child, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    client.force_login(alice)
    placement = period.placements.get()
    response = client.get(f"/looked-after/placements/{placement.pk}/visit/")
    assert response.url == f"/casework/people/{child.pk}/visit/"


def test_the_visit_due_is_on_my_work(client, alice, child, carer):
    period = in_care(child, by=alice, placement=fostered(carer))
    placement = period.placements.get()
    client.force_login(alice)
    page = client.get("/work/").content.decode()
    assert "Visit the child in their new placement" in page
    assert f"/looked-after/placements/{placement.pk}/visit/" in page
