"""The whereabouts board: where every looked-after child the user may open is
placed, how far from home, who holds their case, when they were last seen; a
child the user may not open counted, never named; filters and sorts; and a
number of queries that does not grow with the number of children."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.care import moves
from haven.care.away import AWAY_SOURCES, Away, away_source
from haven.care.board import Filters, board
from haven.care.distance import home_on
from haven.casework.seeing import Alone, Seen
from haven.casework.services import record_note
from haven.casework.visits import Visit
from haven.core import clock
from haven.core.services import allocate_case, restrict_record
from haven.people.keys import postcode_key
from haven.people.models import Address
from haven.people.services import merge_records
from tests.care.factories import fostered, in_care, in_home
from tests.factories import ChildFactory

START = dt.date(2025, 1, 10)


def lives_at(child, postcode, since=dt.date(2016, 5, 4)):
    Address.objects.create(
        person=child,
        line_1="1 Home Street",
        town="Manchester",
        postcode=postcode,
        postcode_key=postcode_key(postcode),
        started_on=since,
    )


def placed_child(team, worker, manager, carer, *, postcode="M1 1AE", **kw):
    child = ChildFactory(**kw)
    allocate_case(child, team=team, worker=worker, on=dt.date(2024, 1, 5), by=manager)
    lives_at(child, "M1 1AD")
    in_care(child, by=worker, on=START, placement=fostered(carer, postcode=postcode))
    return child


@pytest.fixture
def area(settings):
    settings.HAVEN_AREA_CODES = ["E08000003"]  # Manchester


def test_the_board_shows_where_each_child_is_placed_and_how_far_from_home(
    child, alice, carer, area
):
    lives_at(child, "M1 1AD")
    in_care(child, by=alice, on=START, placement=fostered(carer, postcode="OL1 1AA"))
    (row,) = board(alice).rows
    assert row.child == child
    assert row.placed.place == "U6"
    assert row.placed.since == START
    assert row.placed.address == "7 Ash Grove, Leeds, OL1 1AA"
    assert row.lives_with == f"{carer.person} ({carer.provider})"
    assert row.legal_status == "C1"
    assert row.where.miles == 7.2
    assert row.where.district == "E08000004"
    assert row.where.area.value == "out"
    assert row.holder.team.name == "Assessment Team"
    assert row.holder.worker == alice
    assert row.seen is None and row.away is None


def test_last_seen_is_the_latest_face_to_face_note_where_the_child_was_seen(
    child, alice, carer, today
):
    in_care(child, by=alice, on=START, placement=fostered(carer))
    at = clock.now() - dt.timedelta(days=3)
    for when, seen in ((at - dt.timedelta(days=9), True), (at, True)):
        record_note(
            [child],
            kind="visit",
            occurred_at=when,
            subject="Visit",
            body="Saw Jasmine at her foster home.",
            seen=Seen(seen=seen, alone=Alone.YES),
            visit=Visit(
                statutory=True, place="placement", announced=True, bedroom_seen="yes"
            ),
            by=alice,
        )
    record_note(
        [child],
        kind="phone_call",
        occurred_at=clock.now() - dt.timedelta(days=1),
        subject="Call",
        body="Spoke to the carer.",
        by=alice,
    )
    (row,) = board(alice).rows
    assert row.seen.at == at
    assert row.seen.by == alice
    assert row.seen.place_words == "Placement"
    assert row.seen.statutory is True


def test_a_child_the_user_may_not_open_is_counted_never_named(
    child, alice, bob, mona, carer, other_team, today
):
    in_care(child, by=alice, on=START, placement=fostered(carer))
    theirs = placed_child(other_team, bob, mona, carer, given_name="Hidden")
    result = board(alice)
    assert [r.child for r in result.rows] == [child]
    assert result.hidden == 1
    assert theirs.pk not in {r.child.pk for r in result.rows}
    bobs = board(bob)
    assert [r.child for r in bobs.rows] == [theirs] and bobs.hidden == 1


def test_a_restricted_child_in_the_users_team_is_counted_not_named(
    child, alice, mona, carer, team, today
):
    in_care(child, by=alice, on=START, placement=fostered(carer))
    secret = placed_child(team, alice, mona, carer, given_name="Secret")
    restrict_record(secret, kind="restricted", reason="Adoption", by=mona)
    result = board(alice)
    assert [r.child for r in result.rows] == [child]
    assert result.hidden == 1


def test_filters_by_team_worker_placement_type_area_and_distance(
    child, alice, mona, carer, home, team, area, today
):
    lives_at(child, "M1 1AD")
    in_care(child, by=alice, on=START, placement=fostered(carer, postcode="M1 1AE"))
    away = placed_child(team, mona, mona, carer, postcode="B1 1AA", given_name="Far")
    moves.move_placement(
        away.periods_of_care.get(),
        on=START + dt.timedelta(days=30),
        placement=in_home(home, postcode="B1 1AA"),
        reason="CARPL",
        by=mona,
    )

    def names(**kw):
        return [r.child.given_name for r in board(mona, filters=Filters(**kw)).rows]

    assert names() == ["Far", "Jasmine"] or names() == ["Jasmine", "Far"]
    assert names(worker=alice.pk) == ["Jasmine"]
    assert names(worker=mona.pk) == ["Far"]
    assert names(team=team.pk, place="K2") == ["Far"]
    assert names(area="in") == ["Jasmine"]
    assert names(area="out") == ["Far"]
    assert names(band="0-5") == ["Jasmine"]
    assert names(band="50+") == ["Far"]
    assert names(band="10-20") == []
    assert names(sort="distance") == ["Far", "Jasmine"]
    result = board(mona)
    assert result.teams == [(team.pk, "Assessment Team")]
    assert {w for w, _ in result.workers} == {alice.pk, mona.pk}
    assert result.places == ["K2", "U6"]


def test_the_board_for_a_past_day_shows_where_the_child_was_then(
    child, alice, carer, second_carer, today
):
    period = in_care(child, by=alice, on=START, placement=fostered(carer))
    moved = START + dt.timedelta(days=100)
    moves.move_placement(
        period, on=moved, placement=fostered(second_carer), reason="CARPL", by=alice
    )
    (before,) = board(alice, day=moved - dt.timedelta(days=1)).rows
    (after,) = board(alice, day=moved).rows
    assert before.placed.carer_id == carer.pk
    assert after.placed.carer_id == second_carer.pk
    assert board(alice, day=START - dt.timedelta(days=1)).rows == []


def test_missing_now_is_read_from_a_declared_source(child, alice, carer, today):
    in_care(child, by=alice, on=START, placement=fostered(carer))
    since = clock.now() - dt.timedelta(hours=5)
    away_source("test: missing")(
        lambda ids, at: {
            pk: Away("missing", since, "Missing since this morning")
            for pk in ids
            if pk == child.pk
        }
    )
    try:
        (row,) = board(alice).rows
        assert row.away.words == "Missing since this morning"
    finally:
        del AWAY_SOURCES["test: missing"]


def _count_queries(user, day=None):
    with CaptureQueriesContext(connection) as queries:
        result = board(user, day=day)
    return len(queries), result


@pytest.mark.parametrize("past", [False, True])
def test_the_number_of_queries_does_not_grow_with_the_children(
    alice, mona, carer, team, other_team, bob, past, today
):
    """2 children, then 6 (each seen, one hidden): the same number of queries."""
    day = START + dt.timedelta(days=40) if past else None

    def add(n):
        for i in range(n):
            child = placed_child(team, alice, mona, carer, given_name=f"C{i}")
            record_note(
                [child],
                kind="visit",
                occurred_at=clock.start_of(START + dt.timedelta(days=20)),
                subject="Visit",
                body="Seen.",
                seen=Seen(seen=True, alone=Alone.YES),
                visit=Visit(
                    statutory=True, place="home", announced=True, bedroom_seen="yes"
                ),
                by=alice,
            )
        placed_child(other_team, bob, mona, carer, given_name="Theirs")

    add(2)
    few, small = _count_queries(alice, day)
    add(4)
    many, large = _count_queries(alice, day)
    assert len(small.rows) == 2 and len(large.rows) == 6
    assert large.hidden == 2
    assert all(r.seen is not None for r in large.rows)
    assert many == few


@pytest.mark.parametrize(
    "lived",
    [
        # (postcode, started on, relative to the period's start)
        [],
        [("M1 1AD", -400)],
        [("M1 1AD", -400), ("M1 1AE", -30), ("OL1 1AA", 0)],
        [("OL1 1AA", 0)],
        [("M1 1AD", -400), ("OL1 1AA", 10)],
        [("OL1 1AA", 10)],
    ],
)
def test_the_home_postcode_is_the_one_before_care_began(child, alice, carer, lived):
    """The board reads the home postcode in SQL, as distance.home_on reads it
    from the child's addresses."""
    starts = [START + dt.timedelta(days=days) for _, days in lived]
    ends = [*starts[1:], None] if lived else []
    for (postcode, days), ended in zip(lived, ends, strict=True):
        Address.objects.create(
            person=child,
            line_1="1 Home Street",
            town="Manchester",
            postcode=postcode,
            postcode_key=postcode_key(postcode),
            started_on=START + dt.timedelta(days=days),
            ended_on=ended,
        )
    in_care(child, by=alice, on=START, placement=fostered(carer))
    addresses = [
        (a.started_on, a.ended_on, a.postcode)
        for a in Address.objects.filter(person=child)
    ]
    (row,) = board(alice).rows
    assert row.where.home_postcode == home_on(addresses, START)


def test_a_merged_childs_home_is_read_from_the_record_it_joined(child, alice, carer):
    duplicate = ChildFactory(given_name=child.given_name, family_name=child.family_name)
    lives_at(child, "M1 1AD")
    lives_at(duplicate, "OL1 1AA", since=dt.date(2020, 1, 1))
    for record in (child, duplicate):
        allocate_case(record, team=alice.team, worker=alice, on=START, by=alice)
    in_care(duplicate, by=alice, on=START, placement=fostered(carer))
    merge_records(duplicate, into=child, reason="The same child", by=alice)
    (row,) = board(alice).rows
    assert row.child == child
    assert row.where.home_postcode == "M1 1AD"
