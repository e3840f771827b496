"""SSDA903 episodes derived from the legal status and placement histories: a
worked history, each reason for a new episode, and short breaks."""

import datetime as dt

import pytest

from haven.care import moves, selectors, services
from haven.care.corrections import correct_placement
from haven.care.placing import PlacementDetails
from tests.care.factories import fostered, in_care, in_home

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture
def worked(child, alice, carer, second_carer, home):
    """Every kind of new episode, in one period of care."""
    period = in_care(
        child, by=alice, on=D(2025, 1, 10), legal_status="C1", placement=fostered(carer)
    )
    moves.change_legal_status(period, on=D(2025, 3, 1), code="C2", by=alice)
    moves.move_placement(
        period,
        on=D(2025, 5, 1),
        placement=fostered(carer, place="U4"),
        reason="PLACE",
        by=alice,
    )
    moves.move_placement(
        period, on=D(2025, 7, 1), placement=in_home(home), reason="CREQB", by=alice
    )
    moves.change_legal_status(period, on=D(2025, 9, 1), code="E1", by=alice)
    moves.move_placement(
        period,
        on=D(2025, 9, 1),
        placement=fostered(second_carer, place="A6"),
        reason="CARPL",
        by=alice,
    )
    moves.move_placement(
        period,
        on=D(2025, 11, 1),
        placement=fostered(second_carer, place="U4"),
        reason="CARPL",
        by=alice,
    )
    moves.change_legal_status(period, on=D(2025, 11, 1), code="C2", by=alice)
    services.end_period_of_care(period, on=D(2026, 2, 1), reason="E4A", by=alice)
    return period


def _row(e):
    return (e.decom, e.dec, e.rne, e.ls, e.place, e.place_provider, e.rec,
            e.reason_place_change)  # fmt: skip


def test_each_change_starts_an_episode_with_its_reason(child, worked):
    assert [_row(e) for e in selectors.episodes_of(child)] == [
        (D(2025, 1, 10), D(2025, 3, 1), "S", "C1", "U6", "PR1", "X1", ""),
        (D(2025, 3, 1), D(2025, 5, 1), "L", "C2", "U6", "PR1", "X1", "PLACE"),
        (D(2025, 5, 1), D(2025, 7, 1), "U", "C2", "U4", "PR1", "X1", "CREQB"),
        (D(2025, 7, 1), D(2025, 9, 1), "P", "C2", "K2", "PR4", "X1", "CARPL"),
        (D(2025, 9, 1), D(2025, 11, 1), "T", "E1", "A6", "PR1", "X1", "CARPL"),
        (D(2025, 11, 1), D(2026, 2, 1), "B", "C2", "U4", "PR1", "E4A", ""),
    ]


def test_an_episode_carries_the_placements_postcode_and_urn(child, worked, home):
    found = selectors.episodes_of(child)
    in_the_home = found[3]
    assert (in_the_home.pl_post, in_the_home.urn) == ("LS6 2AB", home.ofsted_urn)
    assert found[0].cin == "N1"


def test_a_correction_reaches_the_episodes_at_once(child, alice, worked, home):
    in_the_home = next(
        p for p in selectors.care_of(child)[0].placements if p.place == "K2"
    )
    correct_placement(
        in_the_home,
        started_on=D(2025, 6, 20),
        details=in_home(home),
        change_reason="CARPL",
        why="The move to the home was on 20 June",
        by=alice,
    )
    found = selectors.episodes_of(child)
    assert [(e.decom, e.dec) for e in found[2:4]] == [
        (D(2025, 5, 1), D(2025, 6, 20)),
        (D(2025, 6, 20), D(2025, 9, 1)),
    ]


def test_where_the_child_was_on_a_day(child, worked, home):
    assert selectors.placement_on(child, D(2025, 6, 30)).place == "U4"
    assert selectors.placement_on(child, D(2025, 7, 1)).provider == home
    assert selectors.placement_on(child, D(2026, 2, 1)) is None
    assert selectors.placement_on(child, D(2025, 1, 9)) is None


def test_an_open_period_has_an_open_last_episode(child, alice, carer):
    in_care(child, by=alice, placement=fostered(carer))
    (only,) = selectors.episodes_of(child)
    assert (only.dec, only.rec) == (None, "")


def test_a_short_break_is_an_episode_but_not_looked_after(child, alice, carer):
    period = in_care(
        child, by=alice, on=D(2025, 6, 2), legal_status="V3", placement=fostered(carer)
    )
    services.end_period_of_care(period, on=D(2025, 6, 6), reason="E4A", by=alice)
    (brk,) = selectors.episodes_of(child)
    assert (brk.decom, brk.dec, brk.rne, brk.ls, brk.rec) == (
        D(2025, 6, 2),
        D(2025, 6, 6),
        "S",
        "V3",
        "E4A",
    )
    assert selectors.placement_on(child, D(2025, 6, 3)) is not None
    assert not selectors.looked_after_on(child, D(2025, 6, 3))


def test_a_child_in_care_is_looked_after(child, alice, carer):
    in_care(child, by=alice, on=D(2025, 6, 2), placement=fostered(carer))
    assert selectors.looked_after_on(child, D(2026, 3, 31))
    assert not selectors.looked_after_on(child, D(2025, 6, 1))


def test_temporary_and_parents_placements_have_no_provider_code(child, alice, home):
    period = in_care(
        child,
        by=alice,
        on=D(2025, 6, 2),
        placement=in_home(home, place="T0"),
    )
    moves.move_placement(
        period,
        on=D(2025, 6, 9),
        placement=in_home(home, place="T4"),
        reason="",
        by=alice,
    )
    moves.move_placement(
        period,
        on=D(2025, 6, 12),
        placement=PlacementDetails("P1", address_line_1="9 Elm St", postcode="LS7 3AA"),
        reason="",
        by=alice,
    )
    assert [
        (e.place, e.place_provider, e.urn, e.reason_place_change)
        for e in selectors.episodes_of(child)
    ] == [
        ("T0", "", "", ""),
        ("T4", "PR4", "", ""),
        ("P1", "PR0", "", ""),
    ]


def test_each_episode_has_the_home_postcode_at_its_start_and_the_miles_from_it(
    child, alice, carer, home
):
    """HOME_POST from the child's address history, as it was when each episode
    started; the distance to PL_POST in miles, by the SSDA903's formula."""
    from tests.care.test_board import lives_at

    lives_at(child, "M1 1AD", since=D(2016, 5, 4))
    period = in_care(child, by=alice, placement=fostered(carer, postcode="OL1 1AA"))
    # The family moved while the child was in care; the next placement's
    # episode starts from the new home.
    child.addresses.update(ended_on=D(2025, 4, 1))
    lives_at(child, "OL1 1AA", since=D(2025, 4, 1))
    moves.move_placement(
        period,
        on=D(2025, 6, 1),
        placement=in_home(home, postcode="M1 1AD"),
        reason="CREQB",
        by=alice,
    )
    first, second = selectors.care_of(child)[0].episodes
    assert (first.home_post, first.pl_post, first.pl_distance) == (
        "M1 1AD",
        "OL1 1AA",
        7.2,
    )
    assert (second.home_post, second.pl_post, second.pl_distance) == (
        "OL1 1AA",
        "M1 1AD",
        7.2,
    )


def test_without_an_address_home_post_is_blank_and_the_distance_unknown(
    child, alice, carer
):
    in_care(child, by=alice, placement=fostered(carer))
    (episode,) = selectors.care_of(child)[0].episodes
    assert (episode.home_post, episode.pl_distance) == ("", None)
