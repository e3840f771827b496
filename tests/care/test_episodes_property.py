"""Properties of the SSDA903 episodes, for any history.

For any chain of legal statuses and placements, and for any sequence of
placements, moves, legal status changes, backdated corrections (of
placements, legal statuses and the period's own dates) and endings
recorded through the services (each accepted or refused): the derived episodes
never overlap, chain without gaps inside the period of care and cover exactly
the days in care; where the child was on any day, read from the placement
history, is what the episodes say; and the recorded history always keeps the
rules, whatever was refused."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from haven.care import codes, moves, selectors, services
from haven.care.corrections import correct_placement
from haven.care.episodes import (
    episode_on,
    episodes,
    in_care_on,
    looked_after_on,
    placement_on,
    status_on,
)
from haven.care.history import CareHistory, Status, Stay, faults
from haven.care.period_corrections import PeriodDates, correct_period
from haven.care.status_corrections import correct_legal_status
from haven.core import clock
from haven.core.errors import DomainError
from tests.care.factories import fostered, in_care, in_home

ONE_DAY = dt.timedelta(days=1)


def assert_episodes_agree(history: CareHistory, last_day: dt.date) -> None:
    """The episodes chain, cover exactly the days in care, and agree with the
    histories on every day from before the period to `last_day`."""
    found = episodes(history)
    assert found, "a period of care has at least one episode"
    assert found[0].decom == history.start
    assert found[0].rne == "S"
    assert found[-1].dec == history.end
    for before, after in zip(found, found[1:], strict=False):
        assert before.dec == after.decom  # no gap, no overlap
        assert before.decom < before.dec
        assert before.rec == "X1"
        assert after.rne in {"L", "P", "T", "U", "B"}
        assert (after.rne == "L") == (after.stay is before.stay)
    assert found[-1].rec == (history.reason_ended if history.end else "")
    day = history.start - 3 * ONE_DAY
    stop = (history.end or last_day) + 3 * ONE_DAY
    while day <= stop:
        episode = episode_on(found, day)
        assert (episode is not None) == in_care_on(history, day), day
        if episode is not None:
            assert episode.stay is placement_on(history, day)
            assert episode.status is status_on(history, day)
            short = episode.ls in codes.SHORT_BREAKS
            assert looked_after_on(history, day) is not short
        else:
            assert placement_on(history, day) is None
            assert not looked_after_on(history, day)
        day += ONE_DAY


# --- any chain of rows ----------------------------------------------------------

WHO = st.sampled_from([(1, None), (1, 7), (2, 7), (None, 3), (None, None)])


@st.composite
def chains(draw: st.DrawFn) -> CareHistory:
    start = dt.date(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
    length = draw(st.integers(1, 300))
    ended = draw(st.booleans())
    end = start + dt.timedelta(days=length) if ended else None

    def cuts() -> list[dt.date]:
        offsets = (
            draw(st.sets(st.integers(1, length - 1), max_size=5))
            if length > 1
            else set()
        )
        return [start] + [start + dt.timedelta(days=o) for o in sorted(offsets)]

    def spans(days: list[dt.date]) -> list[tuple[dt.date, dt.date | None]]:
        return list(zip(days, [*days[1:], end], strict=True))

    statuses = tuple(
        Status(draw(st.sampled_from(["C1", "C2", "V2", "V3"])), a, b, pk=n)
        for n, (a, b) in enumerate(spans(cuts()))
    )
    stays = []
    for n, (a, b) in enumerate(spans(cuts())):
        provider, carer = draw(WHO)
        place = draw(st.sampled_from(["U4", "U6", "K2", "T0", "P1"]))
        stays.append(
            Stay(
                place,
                a,
                b,
                pk=n,
                provider=provider,
                carer=carer,
                change_reason="CARPL" if b and b != end else "",
            )  # fmt: skip
        )
    return CareHistory(start, end, "N1", "E4A" if ended else "", statuses, tuple(stays))


@settings(max_examples=300, deadline=None)
@given(chains())
def test_the_episodes_of_any_chain_cover_the_days_in_care(history):
    assert_episodes_agree(history, dt.date(2026, 1, 1))


# --- any sequence of writes through the services ---------------------------------

START = dt.date(2025, 1, 10)
days = st.integers(-20, 530).map(lambda n: START + dt.timedelta(days=n))
STEPS = {
    "move": st.tuples(
        st.just("move"),
        days,
        st.sampled_from(["carer", "second", "home", "A5", "T4"]),
        st.sampled_from(["CARPL", "CREQB", ""]),
    ),
    "status": st.tuples(
        st.just("status"), days, st.sampled_from(["C1", "C2", "E1", "V2"])
    ),
    "correct": st.tuples(
        st.just("correct"),
        st.integers(0, 6),
        st.integers(-60, 60),
        st.sampled_from(["U4", "U6", "K2"]),
    ),
    "end": st.tuples(st.just("end"), days),
    "correct_status": st.tuples(
        st.just("correct_status"),
        st.integers(0, 6),
        st.integers(-60, 60),
        st.sampled_from(["C1", "C2", "E1", "V2", "V3"]),
    ),
    "correct_period": st.tuples(
        st.just("correct_period"),
        st.integers(-40, 40),  # the start moved by
        st.integers(-40, 40),  # the end moved by, if it ended
        st.sampled_from(["E4A", "E11", "E13"]),
    ),
}
# Ending closes the period to all but corrections, so it comes less often.
KINDS = (
    ["move"] * 4
    + ["status"] * 2
    + ["correct"] * 3
    + ["correct_status"] * 2
    + ["correct_period"] * 2
    + ["end"]
)
CORRECTIONS = {"correct", "correct_status", "correct_period"}
step = st.sampled_from(KINDS).flatmap(lambda kind: STEPS[kind])


def _in_order(steps: list[tuple], ordered: bool) -> list[tuple]:
    """The steps, or (for half the examples) the dated ones in date order, as a
    worker records a life as it happens; corrections stay where they fall."""
    if not ordered:
        return steps
    dated = iter(
        sorted((s for s in steps if s[0] not in CORRECTIONS), key=lambda s: s[1])
    )
    return [s if s[0] in CORRECTIONS else next(dated) for s in steps]


def _details(target: str, world: dict):
    if target in ("carer", "second"):
        return fostered(world[target])
    if target == "A5":
        return fostered(world["carer"], place="A5")
    return in_home(world["home"], place="K2" if target == "home" else "T4")


def _apply(period, action, world, alice):
    kind = action[0]
    if kind == "move":
        _, on, target, reason = action
        moves.move_placement(
            period, on=on, placement=_details(target, world), reason=reason, by=alice
        )
    elif kind == "status":
        moves.change_legal_status(period, on=action[1], code=action[2], by=alice)
    elif kind == "end":
        services.end_period_of_care(period, on=action[1], reason="E4A", by=alice)
    elif kind in ("correct_status", "correct_period"):
        correct_dates(period, action, alice)
    else:
        _, index, shift, place = action
        placements = list(period.placements.order_by("started_on"))
        placement = placements[index % len(placements)]
        target = world["home"] if place == "K2" else world["carer"]
        details = in_home(target) if place == "K2" else fostered(target, place=place)
        correct_placement(
            placement,
            started_on=placement.started_on + dt.timedelta(days=shift),
            details=details,
            change_reason="CARPL" if placement.ended_on else "",
            why="Backdated correction",
            by=alice,
        )


def correct_dates(period, action, alice) -> None:
    """A backdated correction of a legal status or of the period's dates."""
    if action[0] == "correct_status":
        _, index, shift, code = action
        statuses = list(period.legal_statuses.order_by("started_on"))
        status = statuses[index % len(statuses)]
        correct_legal_status(
            status,
            code=code,
            started_on=status.started_on + dt.timedelta(days=shift),
            why="Backdated correction",
            by=alice,
        )
        return
    _, start_by, end_by, reason = action
    ended = period.ended_on
    dates = PeriodDates(
        started_on=period.started_on + dt.timedelta(days=start_by),
        need=period.need,
        ended_on=ended + dt.timedelta(days=end_by) if ended else None,
        reason_ended=reason if ended else "",
    )
    correct_period(period, dates=dates, why="Backdated correction", by=alice)


@pytest.mark.django_db
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(step, max_size=10), ordered=st.booleans())
def test_any_sequence_of_writes_leaves_sound_episodes(
    steps, ordered, child, alice, carer, second_carer, home
):
    world = {"carer": carer, "second": second_carer, "home": home}
    with transaction.atomic():
        period = in_care(child, by=alice, on=START, placement=fostered(carer))
        for action in _in_order(steps, ordered):
            # A refusal writes nothing; the history must still be sound.
            try:
                _apply(period, action, world, alice)
                event(f"{action[0]} accepted")
            except DomainError:
                event(f"{action[0]} refused")
            period.refresh_from_db()
            (care,) = selectors.care_of(child)
            born = child.date_of_birth
            assert faults(care.history, born=born, today=clock.today()) == []
            assert_episodes_agree(care.history, clock.today())
            for day in (
                care.period.started_on,
                START,
                START + dt.timedelta(days=200),
                clock.today(),
            ):
                where = selectors.placement_on(child, day)
                episode = episode_on(care.episodes, day)
                assert (where.pk if where else None) == (
                    episode.stay.pk if episode else None
                )
        transaction.set_rollback(True)
