"""The whereabouts board agrees with the placement history, for any history.

For any sequence of placements, moves, backdated corrections (of placements,
legal statuses and the period's own start and end) and endings,
recorded through the services on days that go by (each accepted or refused):
the board's answer for any day, as corrected since, is where the placement
history as it stands now had the child that day; and its answer as recorded
then is where the history as it stood at the end of that day had them."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from haven.care import episodes, moves, selectors, services
from haven.care.board import Board, board
from haven.care.corrections import correct_placement
from haven.care.history import CareHistory
from haven.core import clock
from haven.core.errors import DomainError
from tests.care.factories import fostered, in_care, in_home
from tests.care.test_episodes_property import correct_dates

START = dt.date(2025, 1, 10)
ONE_DAY = dt.timedelta(days=1)

STEPS = {
    "move": st.tuples(
        st.just("move"),
        st.integers(0, 40),  # days back from today: a move recorded late
        st.sampled_from(["carer", "second", "home"]),
    ),
    "correct": st.tuples(
        st.just("correct"),
        st.integers(0, 6),  # which placement
        st.integers(-30, 30),  # its start moved by
        st.sampled_from(["carer", "second", "home"]),
    ),
    "end": st.tuples(st.just("end"), st.integers(0, 40)),
    "correct_status": st.tuples(
        st.just("correct_status"),
        st.integers(0, 6),
        st.one_of(st.just(0), st.integers(-30, 30)),  # 0: the code alone
        st.sampled_from(["C1", "C2", "V2"]),
    ),
    "correct_period": st.tuples(
        st.just("correct_period"),
        st.integers(-30, 30),
        st.integers(-30, 30),
        st.sampled_from(["E4A", "E13"]),
    ),
}
# Ending closes the period to all but corrections, so it comes less often.
KINDS = ["move"] * 4 + ["correct"] * 3 + ["correct_period"] * 2
KINDS += ["correct_status", "end"]
step = st.sampled_from(KINDS).flatmap(lambda kind: STEPS[kind])


def _details(target, world):
    if target == "home":
        return in_home(world["home"])
    return fostered(world[target])


def _apply(period, action, world, alice):
    today = clock.today()
    if action[0] == "move":
        _, back, target = action
        moves.move_placement(
            period,
            on=today - back * ONE_DAY,
            placement=_details(target, world),
            reason="CARPL",
            by=alice,
        )
    elif action[0] == "end":
        on = today - action[1] * ONE_DAY
        services.end_period_of_care(period, on=on, reason="E4A", by=alice)
    elif action[0] in ("correct_status", "correct_period"):
        correct_dates(period, action, alice)
    else:
        _, index, shift, target = action
        placements = list(period.placements.order_by("started_on"))
        placement = placements[index % len(placements)]
        correct_placement(
            placement,
            started_on=placement.started_on + shift * ONE_DAY,
            details=_details(target, world),
            change_reason="CARPL" if placement.ended_on else "",
            why="Backdated correction",
            by=alice,
        )


def _answer(history: CareHistory | None, day: dt.date):
    """Where the history had the child on the day, as comparable facts."""
    stay = episodes.placement_on(history, day) if history else None
    if stay is None:
        return None
    return (stay.pk, stay.place, stay.start, stay.carer, stay.provider)


def _on_board(found: Board, child, *, recorded: bool):
    for row in found.rows:
        if row.child == child:
            placed = (
                row.recorded if recorded and row.recorded_differently else row.placed
            )
            break
    else:
        only = [r.placed for r in found.recorded_only if r.child == child]
        placed = only[0] if recorded and only else None
    if placed is None:
        return None
    return (
        placed.placement_id,
        placed.place,
        placed.since,
        placed.carer_id,
        placed.provider_id,
    )


def _history(child) -> CareHistory | None:
    cares = selectors.care_of(child)
    return cares[0].history if cares else None


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    steps=st.lists(st.tuples(st.integers(0, 45), step), max_size=8),
    asked=st.lists(st.integers(-70, 400), min_size=1, max_size=4),
)
def test_the_board_for_any_day_agrees_with_the_placement_history(
    steps, asked, child, alice, carer, second_carer, home, freezer
):
    world = {"carer": carer, "second": second_carer, "home": home}
    began = freezer.at
    freezer.at = clock.start_of(START + 2 * ONE_DAY) + dt.timedelta(hours=12)
    try:
        with transaction.atomic():
            period = in_care(child, by=alice, on=START, placement=fostered(carer))
            # The history as it stood at the end of each day something was recorded.
            kept = {clock.today(): _history(child)}
            for wait, action in steps:
                freezer.move_to(wait * ONE_DAY)
                try:
                    _apply(period, action, world, alice)
                    event(f"{action[0]} accepted")
                except DomainError:
                    event(f"{action[0]} refused")
                period.refresh_from_db()
                kept[clock.today()] = _history(child)
            now = _history(child)
            today = clock.today()
            first = period.started_on
            days = {START - ONE_DAY, START, first - ONE_DAY, first, today, *kept}
            days |= {min(START + n * ONE_DAY, today) for n in asked}
            for day in sorted(days):
                found = board(alice, day=day)
                assert _on_board(found, child, recorded=False) == _answer(now, day), day
                if day < today:
                    then = (
                        kept[max(d for d in kept if d <= day)]
                        if day >= min(kept)
                        else None
                    )
                    assert _on_board(found, child, recorded=True) == _answer(
                        then, day
                    ), day
            transaction.set_rollback(True)
    finally:
        freezer.at = began
