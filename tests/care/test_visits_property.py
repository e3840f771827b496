"""For any sequence of placements, moves, backdated corrections and statutory
visits, recorded in any order, the visit the timescale engine holds due is the
one the final records say: at the child's current placement, a week after it
started if no visit was made there, else after the last visit there at the
interval of the regime that visit fell in (CPPCR reg 28)."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from haven.care import moves, selectors
from haven.care.corrections import correct_placement
from haven.care.episodes import placement_on
from haven.care.visits import timeline
from haven.core.errors import DomainError
from haven.timescales.calendar import add_months
from haven.timescales.models import Obligation
from tests.care.factories import fostered, in_care, in_home, visited

START = dt.date(2025, 1, 10)
TODAY = dt.date(2026, 6, 15)
days = st.integers(-15, (TODAY - START).days).map(
    lambda n: START + dt.timedelta(days=n)
)
STEPS = {
    "move": st.tuples(st.just("move"), days, st.sampled_from(["U4", "U6", "K2"])),
    "visit": st.tuples(st.just("visit"), days),
    "correct": st.tuples(st.just("correct"), st.integers(0, 5), st.integers(-40, 40)),
}
step = st.sampled_from(["move", "visit", "visit", "correct"]).flatmap(
    lambda kind: STEPS[kind]
)


def _apply(period, action, world, alice, child):
    if action[0] == "visit":
        visited(child, by=alice, on=action[1])
        return
    if action[0] == "move":
        _, on, place = action
        details = (
            in_home(world["home"])
            if place == "K2"
            else fostered(world["carer"], place=place)
        )
        moves.move_placement(period, on=on, placement=details, reason="CARPL", by=alice)
        return
    _, index, shift = action
    placements = list(period.placements.select_related("provider", "carer"))
    placements.sort(key=lambda p: p.started_on)
    placement = placements[index % len(placements)]
    target = world["home"] if placement.place == "K2" else world["carer"]
    details = (
        in_home(target)
        if placement.place == "K2"
        else fostered(target, place=placement.place)
    )
    correct_placement(
        placement,
        started_on=placement.started_on + dt.timedelta(days=shift),
        details=details,
        change_reason=placement.change_reason,
        why="Recorded on the wrong day",
        by=alice,
    )


def expected_due(child) -> set[tuple[str, str, dt.date]]:
    """The oracle, from the final records alone."""
    (care,) = selectors.care_of(child)
    current = care.history.stays[-1]
    days = [
        timezone.localdate(note.occurred_at)
        for note in timeline.statutory_visits(child)
    ]
    here = [d for d in days if placement_on(care.history, d) is current]
    subject = str(current.pk)
    if not here:
        return {("LAC-VISIT-1", subject, current.start + dt.timedelta(days=7))}
    last = max(here)
    if last < add_months(current.start, 12):
        return {("LAC-VISIT-Y1", subject, last + dt.timedelta(weeks=6))}
    if current.place in timeline.UNTIL_18:
        return {("LAC-VISIT-LT", subject, add_months(last, 3))}
    return {("LAC-VISIT-OTHER", subject, last + dt.timedelta(weeks=6))}


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(step, max_size=8))
def test_the_visit_due_is_what_the_final_records_say(steps, child, alice, carer, home):
    world = {"carer": carer, "home": home}
    with transaction.atomic():
        period = in_care(child, by=alice, on=START, placement=fostered(carer))
        for action in steps:
            try:
                _apply(period, action, world, alice, child)
                event(f"{action[0]} accepted")
            except DomainError:
                event(f"{action[0]} refused")
        held = {
            (o.rule_id, o.subject, o.due_on)
            for o in Obligation.objects.filter(
                person=child, status="due", rule_id__startswith="LAC-VISIT"
            )
        }
        assert held == expected_due(child)
        transaction.set_rollback(True)
