import datetime as dt

import pytest

from haven.core import access
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import AccessLogEntry, JournalEvent
from haven.core.services import (
    allocate_case,
    break_glass,
    grant_access,
    restrict_record,
)
from tests.conftest import make_user
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


def test_the_allocated_worker_her_team_and_manager_may_open_the_record(
    child, alice, mona, team
):
    colleague = make_user("carol", "social_worker", team)
    assert access.why_user_may_open(alice, child) == "Allocated worker"
    assert (
        access.why_user_may_open(colleague, child) == "Allocated team or its management"
    )
    assert access.why_user_may_open(mona, child) is not None


def test_a_worker_in_another_team_is_refused(child, bob):
    assert access.why_user_may_open(bob, child) is None
    with pytest.raises(AccessDenied):
        access.open_record(bob, child, what="Person page")
    assert not AccessLogEntry.objects.exists()


def test_a_service_manager_sees_every_team_below_the_service(child, service):
    head = make_user("sian", "service_manager")
    service.managers.add(head)
    assert access.why_user_may_open(head, child) is not None


def test_administrators_and_finance_officers_do_not_read_case_records(
    child, adam, fiona
):
    assert access.why_user_may_open(adam, child) is None
    assert access.why_user_may_open(fiona, child) is None


def test_every_read_is_logged_with_who_what_and_why(child, alice):
    access.open_record(alice, child, what="Person page")
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.what, entry.why) == (
        alice,
        "Person page",
        "Allocated worker",
    )


def test_a_transfer_ends_the_old_allocation_and_moves_access(
    child, alice, bob, mona, other_team
):
    allocate_case(
        child,
        team=other_team,
        worker=bob,
        on=dt.date(2026, 3, 2),
        reason="Care",
        by=mona,
    )
    history = list(child.allocations.order_by("started_on"))
    assert [(a.worker, a.ended_on) for a in history] == [
        (alice, dt.date(2026, 3, 2)),
        (bob, None),
    ]
    assert access.why_user_may_open(bob, child) == "Allocated worker"
    assert access.why_user_may_open(alice, child) is None
    event = JournalEvent.objects.filter(person=child).last()
    assert event.type == "core.case_allocated"
    assert event.payload["previous_worker"] == str(alice)


def test_a_worker_must_be_in_the_team_the_case_goes_to(child, bob, mona, team):
    with pytest.raises(DomainError) as refused:
        allocate_case(child, team=team, worker=bob, by=mona)
    assert refused.value.code == "worker_not_in_team"


def test_a_restricted_record_needs_an_explicit_grant(child, alice, mona):
    restrict_record(
        child, kind="restricted", reason="A member of staff's relative", by=mona
    )
    assert access.why_user_may_open(alice, child) is None
    grant_access(child, to=alice, reason="Allocated worker", by=mona)
    assert access.why_user_may_open(alice, child) == "Restricted record: access granted"


def test_a_sealed_record_opens_only_to_the_roles_on_the_seal(child, alice, mona, team):
    restrict_record(
        child,
        kind="sealed",
        reason="Adoption order made",
        sealed_for=["Team manager"],
        by=mona,
    )
    assert access.why_user_may_open(alice, child) is None
    assert access.why_user_may_open(mona, child) is not None


def test_break_glass_opens_a_record_for_a_few_hours_and_is_journaled(
    child, bob, freezer
):
    with pytest.raises(DomainError) as refused:
        break_glass(child, reason="need", by=bob)
    assert refused.value.code == "reason_required"
    break_glass(child, reason="Police at the door asking about this child", by=bob)
    assert access.why_user_may_open(bob, child).startswith("Break-glass")
    assert JournalEvent.objects.filter(
        person=child, type="core.break_glass_used"
    ).exists()
    freezer.move_to(dt.timedelta(hours=access.BREAK_GLASS_HOURS, minutes=1))
    assert access.why_user_may_open(bob, child) is None


def test_break_glass_does_not_open_a_restricted_record(child, bob, mona):
    restrict_record(child, kind="restricted", reason="High-profile case", by=mona)
    with pytest.raises(DomainError) as refused:
        break_glass(child, reason="Police at the door asking about this child", by=bob)
    assert refused.value.code == "restricted_record"


def test_only_managers_restrict_records(child, alice):
    with pytest.raises(DomainError) as refused:
        restrict_record(child, kind="restricted", reason="x", by=alice)
    assert refused.value.code == "not_permitted"


def test_a_new_holder_may_not_start_while_an_ended_allocation_held_the_role(
    child, alice, mona, team
):
    from haven.core.services import end_allocation

    end_allocation(child, on=dt.date(2026, 3, 1), reason="Work ended", by=mona)
    with pytest.raises(DomainError) as refused:
        allocate_case(child, team=team, on=dt.date(2026, 2, 1), by=mona)
    assert refused.value.code == "overlaps_allocation"
    assert refused.value.message == (
        "It overlaps an earlier allocation from 5 January 2026 to 1 March 2026: "
        f"change the dates so they do not overlap (social worker: {alice})"
    )
    allocate_case(child, team=team, on=dt.date(2026, 3, 1), by=mona)  # meets it


def test_a_late_handover_starts_no_earlier_than_the_last_holder_left(child, mona, team):
    from haven.core.caseroles import CaseRole
    from haven.core.selectors import allocation_may_start
    from haven.core.services import end_allocation

    assert allocation_may_start(child, dt.date(2026, 1, 1)) == dt.date(2026, 1, 5)
    end_allocation(child, on=dt.date(2026, 3, 1), reason="Work ended", by=mona)
    assert allocation_may_start(child, dt.date(2026, 2, 1)) == dt.date(2026, 3, 1)
    assert allocation_may_start(child, dt.date(2026, 4, 1)) == dt.date(2026, 4, 1)
    # Roles are independent: no IRO has held the case.
    iro_start = allocation_may_start(child, dt.date(2026, 2, 1), role=CaseRole.IRO)
    assert iro_start == dt.date(2026, 2, 1)
