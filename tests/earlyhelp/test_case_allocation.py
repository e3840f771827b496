"""Who holds the child's case while early help works with the family, and after.

Early help alongside an open children in need episode leaves the case with the
social worker; closing early help hands the case back (or ends it); a step up
passes it to social care (test_handoffs.py).
"""

import datetime as dt

import pytest

from haven.cin.services import open_referral
from haven.core import access, clock
from haven.core.chronology import describe
from haven.core.models import Allocation, JournalEvent
from haven.core.services import allocate_case
from haven.earlyhelp import services
from haven.earlyhelp.codes import ClosureOutcome
from tests.earlyhelp.conftest import known_to_early_help
from tests.factories import ChildFactory, current_allocation

pytestmark = pytest.mark.django_db

CLOSED = dt.date(2026, 4, 1)


def closed_payload(person):
    return JournalEvent.objects.get(
        person=person, type="earlyhelp.episode_closed"
    ).payload


def test_early_help_alongside_social_care_leaves_the_case_with_the_social_worker(
    request_, child, alice, emma, ellie
):
    open_referral(
        child, received_on=dt.date(2026, 3, 1), source="5D", contact_id=None, by=alice
    )
    services.allocate_request(request_, worker=ellie, on=dt.date(2026, 3, 20), by=emma)
    request_.refresh_from_db()
    assert request_.allocated_worker == ellie
    assert request_.allocated_on == dt.date(2026, 3, 20)
    assert current_allocation(child).worker == alice
    assert not Allocation.objects.filter(person=child, worker=ellie).exists()
    [event] = JournalEvent.objects.filter(
        person=child, type="earlyhelp.request_allocated"
    )
    assert event.payload["alongside_social_care"] is True
    assert describe(event).endswith(", alongside social care")
    # Ellie reads the record through early help, not an allocation.
    assert access.why_user_may_open(ellie, child) is not None


def test_early_help_alone_takes_the_case(allocated, child, ellie):
    assert current_allocation(child).worker == ellie
    [event] = JournalEvent.objects.filter(
        person=child, type="earlyhelp.request_allocated"
    )
    assert event.payload["alongside_social_care"] is False


def test_closing_alongside_social_care_leaves_the_case_alone(
    request_, child, alice, emma, ellie
):
    open_referral(
        child, received_on=dt.date(2026, 3, 1), source="5D", contact_id=None, by=alice
    )
    services.allocate_request(request_, worker=ellie, on=dt.date(2026, 3, 20), by=emma)
    services.close_episode(
        request_, closed_on=CLOSED, outcome=ClosureOutcome.NEEDS_MET, by=ellie
    )
    assert current_allocation(child).worker == alice
    assert closed_payload(child)["case"] == "unchanged"


def test_closing_hands_the_case_back_to_the_team_that_held_it(
    allocated, child, ellie, team
):
    services.close_episode(
        allocated, closed_on=CLOSED, outcome=ClosureOutcome.NEEDS_MET, by=ellie
    )
    now = current_allocation(child)
    assert (now.team, now.worker, now.started_on) == (team, None, CLOSED)
    ellies = Allocation.objects.get(person=child, worker=ellie)
    assert ellies.ended_on == CLOSED
    payload = closed_payload(child)
    assert (payload["case"], payload["case_team"]) == ("returned_to_team", team.name)
    event = JournalEvent.objects.get(person=child, type="earlyhelp.episode_closed")
    assert describe(event) == f"Early help ended: Needs met; case returned to {team}"
    # Through core's allocation, so the move is journalled there too.
    last = (
        JournalEvent.objects.filter(person=child, type="core.case_allocated")
        .order_by("-pk")
        .first()
    )
    assert last.payload["team"] == team.name
    assert last.payload["previous_worker"] == str(ellie)


def test_closing_passes_over_reallocations_within_early_help(
    allocated, child, emma, ellie, team
):
    services.allocate_request(allocated, worker=emma, on=dt.date(2026, 3, 25), by=emma)
    services.close_episode(
        allocated, closed_on=CLOSED, outcome=ClosureOutcome.NEEDS_MET, by=emma
    )
    assert current_allocation(child).team == team
    assert current_allocation(child).worker is None


def test_closing_ends_the_allocation_when_no_one_held_the_case_before(
    eh_team, emma, ellie
):
    child = ChildFactory()
    # A family who came to early help directly: no one holds the child's case
    # (the team's last allocation ended yesterday; one holder at a time, so
    # early help's dates follow it).
    known_to_early_help(child, ellie)
    today = clock.today()
    request = services.request_early_help(
        child,
        requested_on=today,
        reason="Support with routines",
        source="direct",
        contact_id=None,
        by=ellie,
    )
    services.allocate_request(request, worker=ellie, on=today, by=emma)
    services.close_episode(
        request, closed_on=today, outcome=ClosureOutcome.NEEDS_MET, by=ellie
    )
    assert current_allocation(child) is None
    assert Allocation.objects.get(person=child, worker=ellie).ended_on == today
    assert closed_payload(child)["case"] == "allocation_ended"
    ended = child.journal.get(type="core.allocation_ended")
    assert ended.payload["reason"] == "Early help closed"


def test_closing_leaves_a_case_moved_on_since(allocated, child, ellie, alice, mona):
    allocate_case(
        child,
        team=alice.team,
        worker=alice,
        on=dt.date(2026, 3, 25),
        reason="Back to social care",
        by=mona,
    )
    services.close_episode(
        allocated, closed_on=CLOSED, outcome=ClosureOutcome.NEEDS_MET, by=mona
    )
    assert current_allocation(child).worker == alice
    assert current_allocation(child).started_on == dt.date(2026, 3, 25)
    assert closed_payload(child)["case"] == "unchanged"
