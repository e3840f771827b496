"""Break-glass lets a user read a record for a few hours and nothing more: no
write on borrowed access, so no write can hand its author lasting access."""

import datetime as dt

import pytest

from haven.casework import services as casework
from haven.casework.seeing import Seen
from haven.casework.visits import Visit
from haven.core import access, clock
from haven.core.errors import AccessDenied
from haven.core.services import allocate_case, break_glass
from haven.people import selectors as people
from haven.people import services as register
from tests.conftest import make_user
from tests.factories import ChildFactory, current_allocation

pytestmark = pytest.mark.django_db

REASON = "Police at the door asking about this child"


@pytest.fixture
def child(alice, mona, team):
    child = ChildFactory()
    allocate_case(child, team=team, worker=alice, on=dt.date(2026, 1, 5), by=mona)
    return child


@pytest.fixture
def bobs_child(bob, other_team):
    child = ChildFactory(given_name="Robin")
    allocate_case(child, team=other_team, worker=bob, on=dt.date(2026, 1, 5), by=bob)
    return child


@pytest.fixture
def olga(other_team):
    """Bob's manager, with no relationship to Alice's children."""
    manager = make_user("olga", "team_manager", other_team)
    other_team.managers.add(manager)
    return manager


def test_a_worker_who_breaks_glass_may_read_but_not_change_the_record(child, bob):
    break_glass(child, reason=REASON, by=bob)
    access.open_record(bob, child, what="Person page")
    with pytest.raises(AccessDenied) as refused:
        register.change_details(child, {"given_name": "Changed"}, by=bob)
    assert "read this record, not change it" in refused.value.message
    with pytest.raises(AccessDenied):
        casework.record_note(
            [child],
            kind="visit",
            occurred_at=clock.now(),
            subject="Seen at home",
            body="Seen",
            seen=Seen(True, "yes"),
            visit=Visit(True, "home", True, "yes"),
            by=bob,
        )


def test_a_worker_who_breaks_glass_cannot_merge_the_child_into_a_record_they_hold(
    child, bob, bobs_child, alice
):
    break_glass(child, reason=REASON, by=bob)
    with pytest.raises(AccessDenied):
        register.merge_records(child, into=bobs_child, reason="Same child", by=bob)
    child.refresh_from_db()
    assert child.merged_into is None
    assert access.why_user_may_open(alice, child) == "Allocated worker"


def test_a_manager_who_breaks_glass_cannot_transfer_the_child_to_their_own_team(
    child, olga, other_team, alice
):
    break_glass(child, reason=REASON, by=olga)
    with pytest.raises(AccessDenied):
        casework.transfer_case(
            child,
            team=other_team,
            worker=None,
            reason="Ours now",
            change_reason="MANAGE",
            by=olga,
        )
    assert current_allocation(child).worker == alice


def test_reading_on_break_glass_stops_at_expiry(child, bob, freezer):
    break_glass(child, reason=REASON, by=bob)
    access.open_record(bob, child, what="Person page")
    freezer.move_to(dt.timedelta(hours=access.BREAK_GLASS_HOURS, seconds=1))
    with pytest.raises(AccessDenied):
        access.open_record(bob, child, what="Person page")
    assert child not in people.people_visible_to(bob)


def test_a_merged_record_stays_visible_to_whoever_held_either_side(
    child, bobs_child, alice, bob, service
):
    head = make_user("sian", "service_manager")
    service.managers.add(head)
    register.merge_records(child, into=bobs_child, reason="Same child", by=head)
    assert access.why_user_may_open(bob, bobs_child) == "Allocated worker"
    assert access.why_user_may_open(alice, bobs_child) == (
        "Allocated worker of a record merged into this one"
    )
    assert bobs_child in people.people_visible_to(alice)
    assert people.person_for(alice, bobs_child.pk, what="Person page") == bobs_child


def test_a_form_opened_on_break_glass_is_refused_in_words_not_a_server_error(
    client, child, bob
):
    """The "record a visit" link on the child's page leads a break-glass reader
    to a form they may not fill: a 403 saying why, and no draft kept."""
    from django.urls import reverse

    from haven.casework.models import Draft

    break_glass(child, reason=REASON, by=bob)
    client.force_login(bob)
    response = client.get(reverse("casework:record_visit", args=[child.pk]))
    assert response.status_code == 403
    assert "read this record, not change it" in response.content.decode()
    assert not Draft.objects.exists()
