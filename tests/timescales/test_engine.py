"""Obligations from the journal: due dates, meeting, ending, backdating, correcting,
local settings, and the property that stored always equals computed from scratch."""

import datetime as dt
from collections.abc import Iterator

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import clock, journal
from haven.core.models import User
from haven.people.models import Person
from haven.timescales import engine, registry
from haven.timescales.calendar import add_working_days
from haven.timescales.models import Obligation, RuleSetting
from tests.factories import ChildFactory

Status = Obligation.Status


@pytest.fixture(autouse=True)
def activations() -> Iterator[None]:
    """The three rules #4 and #5 bring, as their apps activate them."""
    saved = dict(registry.ACTIVE)
    # Declared again here with a test's page; a rule is declared only once.
    registry.ACTIVE.pop("REF-DECISION")
    registry.ACTIVE.pop("CIN-REVIEW")
    registry.activate(
        "REF-DECISION",
        key="contact",
        met_by=("frontdoor.contact_decided",),
        action="Decide",
        url_name="people:detail",
    )
    registry.activate(
        "CIN-REVIEW",
        key="plan",
        met_by=("cin.plan_reviewed",),
        ended_by=("cin.episode_closed",),
        action="Review",
        url_name="people:detail",
    )
    yield
    registry.ACTIVE.clear()
    registry.ACTIVE.update(saved)


def record(person: Person, type_: str, day: dt.date, by: User, **payload: int) -> None:
    with transaction.atomic():
        journal.append(person, type_, payload, by=by, occurred_at=clock.start_of(day))


def stored(person: Person) -> list[tuple[str, str, dt.date, str, dt.date | None]]:
    return sorted(
        (o.rule_id, o.subject, o.due_on, o.status, o.closed_on)
        for o in Obligation.objects.filter(person=person)
    )


def from_scratch(person: Person) -> list[tuple[str, str, dt.date, str, dt.date | None]]:
    made = engine.compute(
        person.pk, engine.events_for(person.pk), engine.settings_by_rule()
    )
    return sorted((o.rule_id, o.subject, o.due_on, o.status, o.closed_on) for o in made)


@pytest.mark.django_db
class TestReferralDecision:
    def test_contact_on_a_friday_is_due_on_monday(self, alice: User) -> None:
        child = ChildFactory()
        record(
            child, "frontdoor.contact_received", dt.date(2026, 12, 18), alice, contact=1
        )
        assert stored(child) == [
            ("REF-DECISION", "1", dt.date(2026, 12, 21), Status.DUE, None)
        ]

    def test_christmas_eve_contact_waits_for_the_bank_holidays(
        self, alice: User
    ) -> None:
        # 25 Dec (Fri) and the Boxing Day substitute (Mon 28) are not working days.
        child = ChildFactory()
        record(
            child, "frontdoor.contact_received", dt.date(2026, 12, 24), alice, contact=7
        )
        assert stored(child)[0][2] == dt.date(2026, 12, 29)

    def test_decision_meets_it_on_time_or_late(self, alice: User) -> None:
        child = ChildFactory()
        record(
            child, "frontdoor.contact_received", dt.date(2026, 3, 2), alice, contact=1
        )
        record(
            child, "frontdoor.contact_received", dt.date(2026, 3, 2), alice, contact=2
        )
        record(
            child, "frontdoor.contact_decided", dt.date(2026, 3, 3), alice, contact=1
        )
        record(
            child, "frontdoor.contact_decided", dt.date(2026, 3, 5), alice, contact=2
        )
        assert [(o[1], o[3]) for o in stored(child)] == [
            ("1", Status.MET_ON_TIME),
            ("2", Status.MET_LATE),
        ]

    def test_a_decision_about_another_contact_does_not_meet_it(
        self, alice: User
    ) -> None:
        child = ChildFactory()
        record(
            child, "frontdoor.contact_received", dt.date(2026, 3, 2), alice, contact=1
        )
        record(
            child, "frontdoor.contact_decided", dt.date(2026, 3, 2), alice, contact=9
        )
        assert stored(child)[0][3] == Status.DUE

    def test_a_backdated_contact_is_due_from_when_it_happened(
        self, alice: User
    ) -> None:
        child = ChildFactory()
        record(
            child, "frontdoor.contact_decided", dt.date(2026, 3, 10), alice, contact=1
        )
        record(
            child, "frontdoor.contact_received", dt.date(2026, 3, 6), alice, contact=1
        )
        assert stored(child) == [
            (
                "REF-DECISION",
                "1",
                dt.date(2026, 3, 9),
                Status.MET_LATE,
                dt.date(2026, 3, 10),
            )
        ]

    def test_a_correction_replaces_the_date_it_corrects(self, alice: User) -> None:
        child = ChildFactory()
        record(
            child, "frontdoor.contact_received", dt.date(2026, 3, 2), alice, contact=1
        )
        wrong = child.journal.get(type="frontdoor.contact_received")
        with transaction.atomic():
            journal.append(
                child,
                "frontdoor.contact_received",
                {"contact": 1},
                by=alice,
                occurred_at=clock.start_of(dt.date(2026, 3, 4)),
                corrects=wrong,
                reason="Typed the wrong date",
            )
        assert stored(child)[0][2] == dt.date(2026, 3, 5)

    def test_a_failed_write_leaves_no_obligation(self, alice: User) -> None:
        child = ChildFactory()
        with pytest.raises(RuntimeError), transaction.atomic():
            journal.append(
                child, "frontdoor.contact_received", {"contact": 1}, by=alice
            )
            raise RuntimeError("the service failed after journaling")
        assert stored(child) == []


@pytest.mark.django_db
class TestRollingReview:
    def test_reviews_fall_due_again_from_the_date_done(self, alice: User) -> None:
        child = ChildFactory()
        record(
            child, "cin.child_in_need_plan_started", dt.date(2026, 1, 31), alice, plan=3
        )
        record(child, "cin.plan_reviewed", dt.date(2026, 4, 20), alice, plan=3)
        assert stored(child) == [
            (
                "CIN-REVIEW",
                "3",
                dt.date(2026, 4, 30),
                Status.MET_ON_TIME,
                dt.date(2026, 4, 20),
            ),
            ("CIN-REVIEW", "3", dt.date(2026, 7, 20), Status.DUE, None),
        ]

    def test_closing_the_episode_ends_the_duty(self, alice: User) -> None:
        child = ChildFactory()
        record(
            child, "cin.child_in_need_plan_started", dt.date(2026, 1, 5), alice, plan=3
        )
        record(child, "cin.episode_closed", dt.date(2026, 2, 5), alice, episode=1)
        assert stored(child)[0][3] == Status.NO_LONGER_REQUIRED


@pytest.mark.django_db
def test_a_local_value_applies_to_duties_triggered_from_its_date(
    alice: User, mona: User
) -> None:
    RuleSetting.objects.create(
        rule_id="CIN-REVIEW",
        deadline="+6 w",
        interval="+6 w",
        applies_from=dt.date(2026, 3, 1),
        reason="Local policy: six-weekly reviews",
        changed_by=mona,
        approved_by=alice,
        recorded_at=clock.now(),
    )
    before, after = ChildFactory(), ChildFactory()
    record(
        before, "cin.child_in_need_plan_started", dt.date(2026, 2, 27), alice, plan=1
    )
    record(after, "cin.child_in_need_plan_started", dt.date(2026, 3, 2), alice, plan=2)
    assert stored(before)[0][2] == dt.date(2026, 5, 27)
    assert stored(after)[0][2] == dt.date(2026, 4, 13)


@pytest.mark.django_db
def test_recompute_command_rebuilds_what_was_lost(alice: User) -> None:
    from django.core.management import call_command

    child = ChildFactory()
    record(child, "frontdoor.contact_received", dt.date(2026, 3, 2), alice, contact=1)
    before = stored(child)
    Obligation.objects.all().delete()
    call_command("recompute_obligations", verbosity=0)
    assert stored(child) == before


# Operations a worker's recording can produce, in any order and with any dates.
DAYS = st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2026, 12, 31))
OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "frontdoor.contact_received",
                "frontdoor.contact_decided",
                "cin.child_in_need_plan_started",
                "cin.plan_reviewed",
                "cin.episode_closed",
                "correct",
            ]
        ),
        st.integers(min_value=1, max_value=3),
        DAYS,
    ),
    max_size=12,
)


@pytest.mark.django_db(transaction=False)
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(operations=OPERATIONS)
def test_stored_obligations_always_equal_a_computation_from_scratch(
    alice: User, operations: list[tuple[str, int, dt.date]]
) -> None:
    child = ChildFactory()
    for kind, subject, day in operations:
        if kind == "correct":
            _correct_some_event(child, alice, day)
            continue
        key = "contact" if kind.startswith("frontdoor") else "plan"
        record(child, kind, day, alice, **{key: subject})
        assert stored(child) == from_scratch(child)
    assert stored(child) == from_scratch(child)
    _contacts_each_have_one_obligation(child)


def _correct_some_event(child: Person, by: User, day: dt.date) -> None:
    target = child.journal.filter(type__startswith="frontdoor").order_by("?").first()
    if target is None:
        return
    with transaction.atomic():
        journal.append(
            child,
            target.type,
            target.payload,
            by=by,
            occurred_at=clock.start_of(day),
            corrects=target,
            reason="Wrong date",
        )


def _contacts_each_have_one_obligation(child: Person) -> None:
    """An independent reading of the first duty for each contact: due the working
    day after its first receipt, and still due only if no decision came after."""
    events = engine.effective_events(engine.events_for(child.pk))
    contacts = {e.payload["contact"] for e in events if "contact" in e.payload}
    for contact in contacts:
        mine = [e for e in events if e.payload.get("contact") == contact]
        received = [e for e in mine if e.type == "frontdoor.contact_received"]
        duties = list(
            Obligation.objects.filter(
                person=child, rule_id="REF-DECISION", subject=str(contact)
            ).order_by("trigger_event__occurred_at", "trigger_event__sequence")
        )
        if not received:
            assert duties == []
            continue
        first = received[0]
        assert duties[0].due_on == add_working_days(
            timezone.localdate(first.occurred_at), 1
        )
        decided_after = any(
            e.type == "frontdoor.contact_decided" for e in mine[mine.index(first) :]
        )
        assert (duties[0].status == Status.DUE) == (not decided_after)
