"""Planning a visit: journalled, shown on the calendar and the child's page,
every fault reported at once; and the visits calendar of visits due (the
visiting timescales' obligations) and planned."""

import datetime as dt

import pytest
from django.db import transaction

from haven.casework.models import PlannedVisit
from haven.casework.planning import cancel_planned_visit, plan_visit
from haven.casework.seeing import Seen
from haven.casework.services import record_note
from haven.casework.visit_calendar import calendar_for, monday_of
from haven.casework.visits import Visit
from haven.core import clock, journal
from haven.core.chronology import describe
from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import JournalEvent
from haven.timescales.models import Obligation

pytestmark = pytest.mark.django_db


def _soon() -> dt.date:
    return clock.today() + dt.timedelta(days=3)


def test_a_planned_visit_is_journalled_on_the_childs_record(alice, child):
    planned = plan_visit(
        child, on=_soon(), visitor=alice, purpose="After school", by=alice
    )
    event = JournalEvent.objects.get(person=child, type="casework.visit_planned")
    assert event.payload["planned_visit"] == planned.pk
    assert describe(event) == (
        f"Visit planned for {_soon():%-d %B %Y} by {alice}: After school"
    )


def test_every_fault_is_reported_at_once(alice, bob, child):
    with pytest.raises(DomainErrors) as refused:
        plan_visit(
            child,
            on=clock.today() - dt.timedelta(days=1),
            visitor=bob,
            purpose="",
            by=alice,
        )
    codes = {failure.code for failure in refused.value.failures}
    assert codes == {"planned_in_past", "visitor_not_in_team"}
    assert not PlannedVisit.objects.exists()


def test_a_worker_with_no_relationship_to_the_child_is_refused(bob, child):
    with pytest.raises(AccessDenied):
        plan_visit(child, on=_soon(), visitor=bob, purpose="", by=bob)


def test_a_cancelled_visit_needs_a_reason_and_is_journalled(alice, child):
    planned = plan_visit(child, on=_soon(), visitor=alice, purpose="", by=alice)
    with pytest.raises(DomainError) as refused:
        cancel_planned_visit(planned, reason=" ", by=alice)
    assert refused.value.code == "reason_required"
    cancel_planned_visit(planned, reason="Family away", by=alice)
    planned.refresh_from_db()
    assert planned.cancelled_at is not None
    assert JournalEvent.objects.filter(
        person=child, type="casework.planned_visit_cancelled"
    ).exists()
    with pytest.raises(DomainError) as again:
        cancel_planned_visit(planned, reason="Twice", by=alice)
    assert again.value.code == "already_cancelled"


def test_the_calendar_shows_visits_due_and_planned_by_week(alice, mona, child, sibling):
    today = clock.today()
    with transaction.atomic():
        journal.append(
            child,
            "cin.child_in_need_plan_started",
            {"plan": 1, "episode": 1, "seen_on_visit": child.pk},
            by=alice,
            # Far enough back that the first visit falls due in the weeks shown.
            occurred_at=clock.start_of(today - dt.timedelta(days=14)),
        )
    due = Obligation.objects.get(person=child, rule_id="CIN-VISIT")
    plan_visit(sibling, on=_soon(), visitor=alice, purpose="", by=alice)
    first = monday_of(today)
    calendar = calendar_for([alice], reader=alice, first=first, today=today)
    entries = [e for week in calendar.weeks for e in week.entries]
    assert {(e.person_id, e.on, e.planned is not None) for e in entries} == {
        (child.pk, due.due_on, False),
        (sibling.pk, _soon(), True),
    }
    # The team's calendar, seen by the manager, holds the same.
    team = calendar_for([mona, alice], reader=mona, first=first, today=today)
    assert sum(len(w.entries) for w in team.weeks) == 2


def test_a_cancelled_visit_leaves_the_calendar(alice, child):
    planned = plan_visit(child, on=_soon(), visitor=alice, purpose="", by=alice)
    cancel_planned_visit(planned, reason="Family away", by=alice)
    today = clock.today()
    calendar = calendar_for([alice], reader=alice, first=monday_of(today), today=today)
    assert all(not week.entries for week in calendar.weeks)


def test_a_planned_visit_passed_with_no_visit_note_is_flagged(alice, child, sibling):
    """Both visits were planned for three days ago; only the child's was
    recorded. The sibling's shows as not made on the calendar of the week they
    were planned in, whatever day of the week it is today."""
    passed = clock.today() - dt.timedelta(days=3)
    with clock.held_at(clock.start_of(passed - dt.timedelta(days=1))):
        plan_visit(child, on=passed, visitor=alice, purpose="", by=alice)
        plan_visit(sibling, on=passed, visitor=alice, purpose="", by=alice)
    record_note(
        [child],
        kind="visit",
        occurred_at=clock.start_of(passed) + dt.timedelta(hours=15),
        subject="Home visit",
        body="Seen at home after school.",
        seen=Seen(True, "yes"),
        visit=Visit(True, "home", True, "yes"),
        by=alice,
    )
    today = clock.today()
    shown = calendar_for([alice], reader=alice, first=monday_of(passed), today=today)
    entries = [e for week in shown.weeks for e in week.entries] + shown.overdue
    planned = {e.person_id: e.not_made for e in entries if e.planned is not None}
    assert planned == {child.pk: False, sibling.pk: True}
