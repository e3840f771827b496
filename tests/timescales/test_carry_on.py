"""The engine carries a child's obligations on from those stored when new
events come after all the others, and recomputes from scratch when they do
not: either way, what is stored equals a computation from scratch."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import clock, journal
from haven.core.models import Team, User
from haven.core.services import allocate_case
from haven.people.models import Person
from haven.people.services import change_details
from haven.timescales import engine
from haven.timescales.deadlines import Deadline
from haven.timescales.models import Obligation
from haven.timescales.services import set_rule_value
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
Status = Obligation.Status

Row = tuple[str, str, dt.date, str, dt.date | None]
ASSESSED = "care.health_assessment_completed"


def stored(person: Person) -> list[Row]:
    return sorted(
        (o.rule_id, o.subject, o.due_on, o.status, o.closed_on)
        for o in Obligation.objects.filter(person=person)
    )


def from_scratch(person: Person) -> list[Row]:
    events, born = engine.reading.events_and_birth_date(person.pk)
    made = engine.compute(person.pk, events, engine.settings_by_rule(), born)
    return sorted((o.rule_id, o.subject, o.due_on, o.status, o.closed_on) for o in made)


def record(person: Person, type_: str, day: dt.date, by: User, **payload: int) -> None:
    with transaction.atomic():
        journal.append(person, type_, payload, by=by, occurred_at=clock.start_of(day))


def allocated(alice: User, mona: User, team: Team) -> Person:
    """A child of Alice's (born 2016), whose details she may change."""
    child = ChildFactory()
    on = clock.today() - dt.timedelta(days=60)
    allocate_case(child, team=team, worker=alice, on=on, by=mona)
    return child


@pytest.fixture
def recomputed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The children recomputed from scratch, in order."""
    calls: list[int] = []
    original: Callable[[int], list[Obligation]] = engine.recompute_person

    def counted(person_id: int) -> list[Obligation]:
        calls.append(person_id)
        return original(person_id)

    monkeypatch.setattr(engine, "recompute_person", counted)
    return calls


def test_events_in_order_are_carried_on_and_a_backdated_one_recomputes(
    alice: User, recomputed: list[int]
) -> None:
    child = ChildFactory()
    record(child, ASSESSED, dt.date(2026, 1, 5), alice, child=child.pk)
    record(child, ASSESSED, dt.date(2026, 4, 5), alice, child=child.pk)
    assert recomputed == []
    assert stored(child) == from_scratch(child)
    assert [row[3] for row in stored(child)] == [Status.MET_ON_TIME, Status.DUE]
    record(child, ASSESSED, dt.date(2026, 2, 5), alice, child=child.pk)
    assert recomputed == [child.pk]
    assert stored(child) == from_scratch(child)


def test_a_correction_recomputes(alice: User, recomputed: list[int]) -> None:
    child = ChildFactory()
    record(child, ASSESSED, dt.date(2026, 1, 5), alice, child=child.pk)
    first = child.journal.get(type=ASSESSED)
    with transaction.atomic():
        journal.append(
            child,
            ASSESSED,
            first.payload,
            by=alice,
            occurred_at=clock.start_of(dt.date(2026, 1, 9)),
            corrects=first,
            reason="Wrong date",
        )
    assert recomputed == [child.pk]
    assert stored(child) == from_scratch(child)


def test_a_new_date_of_birth_rereads_every_age(
    alice: User, mona: User, team: Team, recomputed: list[int]
) -> None:
    """Under five a health review is due in six months, from five in twelve:
    a birth date corrected to make the child younger moves the due date."""
    child = allocated(alice, mona, team)
    record(child, ASSESSED, dt.date(2026, 1, 5), alice, child=child.pk)
    assert [row[0] for row in stored(child)] == ["LAC-HEALTH-RHA-5"]
    change_details(child, {"date_of_birth": dt.date(2023, 3, 1)}, by=alice)
    assert recomputed == [child.pk]
    assert [row[0] for row in stored(child)] == ["LAC-HEALTH-RHA"]
    assert stored(child) == from_scratch(child)


def test_a_new_setting_recomputes_a_duty_dated_ahead(
    alice: User, mona: User, adam: User
) -> None:
    child = ChildFactory()
    ahead = clock.today() + dt.timedelta(days=20)
    record(child, ASSESSED, ahead, alice, child=child.pk)
    set_rule_value(
        "LAC-HEALTH-RHA-5",
        deadline="+9 m",
        interval="+9 m",
        applies_from=ahead - dt.timedelta(days=5),
        reason="Local policy: nine-monthly reviews",
        approved_by=mona,
        by=adam,
    )
    assert stored(child) == from_scratch(child)
    assert stored(child)[0][2] == Deadline.parse("+9 m").due_from(ahead)


# Assessments, in order (carried on) or not (recomputed), and sometimes a
# birth date that makes the child under five.
DAYS = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2026, 6, 30))
YOUNG, OLD = dt.date(2023, 2, 1), dt.date(2016, 5, 4)
STEPS = st.lists(st.one_of(DAYS, st.just("born")), min_size=1, max_size=8)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps=STEPS, ordered=st.booleans())
def test_stored_always_equals_a_computation_from_scratch(
    alice: User,
    mona: User,
    team: Team,
    steps: list[dt.date | str],
    ordered: bool,
) -> None:
    child = allocated(alice, mona, team)
    days = [step for step in steps if isinstance(step, dt.date)]
    if ordered:
        days.sort()
    for step in steps:
        if step == "born":
            young = child.date_of_birth.year < YOUNG.year
            change_details(child, {"date_of_birth": YOUNG if young else OLD}, by=alice)
        else:
            record(child, ASSESSED, days.pop(0), alice, child=child.pk)
        assert stored(child) == from_scratch(child)
