"""Rules that share a trigger divide the children by a condition; a deadline can
fall at the sooner of two dates; obligations keep their ids when recomputed."""

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.db import transaction

from haven.core import clock, journal
from haven.core.models import User
from haven.people.models import Person
from haven.timescales import registry
from haven.timescales.catalogue import rule
from haven.timescales.conditions import Facts, Sooner, aged_under
from haven.timescales.deadlines import Deadline
from haven.timescales.models import Obligation
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
HEALTH = "care.health_assessment_completed"
VISIT = "care.statutory_visit_made"


@pytest.fixture(autouse=True)
def activations() -> Iterator[None]:
    """The rules as the care app will activate them (the visit regimes, which
    it activates already, declared again here as this test reads them)."""
    saved = dict(registry.ACTIVE)
    for rule_id in ("LAC-VISIT-Y1", "LAC-VISIT-LT", "LAC-VISIT-OTHER"):
        registry.ACTIVE.pop(rule_id, None)
    for rule_id in ("LAC-HEALTH-RHA", "LAC-HEALTH-RHA-5"):
        registry.ACTIVE.pop(rule_id, None)
    for rule_id in ("LAC-HEALTH-RHA", "LAC-HEALTH-RHA-5"):
        registry.activate(
            rule_id,
            key="child",
            met_by=(HEALTH,),
            action="Arrange the review health assessment",
            url_name="people:detail",
        )
    for rule_id in ("LAC-VISIT-Y1", "LAC-VISIT-LT", "LAC-VISIT-OTHER"):
        registry.activate(
            rule_id,
            key="placement",
            met_by=(VISIT,),
            action="Visit the child",
            url_name="people:detail",
        )
    yield
    registry.ACTIVE.clear()
    registry.ACTIVE.update(saved)


def record(person: Person, type_: str, day: dt.date, by: User, **payload) -> None:
    with transaction.atomic():
        journal.append(person, type_, payload, by=by, occurred_at=clock.start_of(day))


def due(person: Person) -> list[tuple[str, dt.date]]:
    return sorted(
        (o.rule_id, o.due_on)
        for o in Obligation.objects.filter(person=person, status="due")
    )


def test_the_health_review_switches_at_the_fifth_birthday(alice):
    child = ChildFactory(date_of_birth=dt.date(2021, 9, 1))
    record(child, HEALTH, dt.date(2026, 1, 10), alice, child=child.pk)  # aged 4
    assert due(child) == [("LAC-HEALTH-RHA", dt.date(2026, 7, 10))]
    record(child, HEALTH, dt.date(2026, 7, 1), alice, child=child.pk)  # 4, still
    assert due(child) == [("LAC-HEALTH-RHA", dt.date(2027, 1, 1))]
    record(child, HEALTH, dt.date(2026, 12, 20), alice, child=child.pk)  # aged 5
    assert due(child) == [("LAC-HEALTH-RHA-5", dt.date(2027, 12, 20))]


def test_with_no_date_of_birth_the_more_frequent_review_applies(alice):
    child = ChildFactory(date_of_birth=None)
    record(child, HEALTH, dt.date(2026, 1, 10), alice, child=child.pk)
    assert due(child) == [("LAC-HEALTH-RHA", dt.date(2026, 7, 10))]


@pytest.mark.parametrize(
    ("until_18", "visit_on", "expected"),
    [
        (False, dt.date(2026, 3, 2), ("LAC-VISIT-Y1", dt.date(2026, 4, 13))),
        (True, dt.date(2026, 3, 2), ("LAC-VISIT-Y1", dt.date(2026, 4, 13))),
        (True, dt.date(2027, 3, 2), ("LAC-VISIT-LT", dt.date(2027, 6, 2))),
        (False, dt.date(2027, 3, 2), ("LAC-VISIT-OTHER", dt.date(2027, 4, 13))),
    ],
)
def test_the_visit_regimes_share_one_trigger(alice, until_18, visit_on, expected):
    child = ChildFactory()
    record(
        child,
        VISIT,
        visit_on,
        alice,
        placement=7,
        placement_started_on="2026-02-01",
        placement_until_18=until_18,
    )
    assert due(child) == [expected]


def test_a_deadline_falls_at_the_sooner_of_two_dates(alice):
    base = rule("REF-DECISION")
    sooner = Sooner(Deadline.parse("+5 d"), "born_on", "5 days after the birth")
    saved = dict(registry.ACTIVE)
    registry.ACTIVE.clear()
    registry.ACTIVE["REF-DECISION"] = registry.Activation(
        dataclasses.replace(base, deadline=Deadline.parse("+20 WD"), sooner=(sooner,)),
        "contact",
        ("frontdoor.contact_decided",),
        (),
        "Decide",
        "people:detail",
    )
    try:
        child = ChildFactory()
        received = dt.date(2026, 3, 2)
        record(child, "frontdoor.contact_received", received, alice, contact=1)
        assert due(child) == [("REF-DECISION", dt.date(2026, 3, 30))]
        record(
            child,
            "frontdoor.contact_received",
            received,
            alice,
            contact=2,
            born_on="2026-03-03",
        )
        assert ("REF-DECISION", dt.date(2026, 3, 8)) in due(child)
    finally:
        registry.ACTIVE.clear()
        registry.ACTIVE.update(saved)


def test_a_condition_is_read_on_the_day_it_is_tested():
    facts = Facts(dt.date(2026, 9, 1), dt.date(2021, 9, 1), {})
    assert not aged_under(5).holds(facts)
    assert aged_under(5).holds(dataclasses.replace(facts, day=dt.date(2026, 8, 31)))


def test_obligations_keep_their_ids_when_recomputed(alice):
    child = ChildFactory(date_of_birth=dt.date(2021, 9, 1))
    record(child, HEALTH, dt.date(2026, 1, 10), alice, child=child.pk)
    first = Obligation.objects.get(person=child)
    record(child, HEALTH, dt.date(2026, 7, 1), alice, child=child.pk)
    first.refresh_from_db()  # still there: met, not replaced
    assert first.status == "met_on_time"
    call_command("recompute_obligations", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Obligation.objects.filter(pk=first.pk, status="met_on_time").exists()
    ids = set(Obligation.objects.filter(person=child).values_list("pk", flat=True))
    call_command("recompute_obligations", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ids == set(
        Obligation.objects.filter(person=child).values_list("pk", flat=True)
    )
