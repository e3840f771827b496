"""Conferences started from the episode: a pre-birth conference for an unborn
child (and CP-PREBIRTH once the birth is recorded on the child's record), and
a transfer-in conference for a child on another authority's plan."""

import datetime as dt

import pytest

from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.people.services import change_details
from haven.protection import arrangements, conferences, plans
from haven.protection.codes import ConferenceKind
from haven.timescales import selectors
from haven.timescales.calendar import add_working_days
from haven.timescales.models import Obligation
from tests.protection.conftest import ATTENDANCE, day, enquiry, meeting, on_a_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def unborn(child):
    child.date_of_birth = None
    child.expected_date_of_birth = day(120)
    child.sex = "U"
    child.save()
    return child


def _pre_birth_plan(episode, alice, cath):
    found = enquiry(episode, alice)
    conference = conferences.hold_initial_conference(
        episode,
        meeting(cath),
        by=alice,
        kind=ConferenceKind.PRE_BIRTH,
        section_47=found,
    )
    return conference.started_plan


def test_recording_the_birth_starts_cp_prebirth(unborn, episode, alice, cath):
    plan = _pre_birth_plan(episode, alice, cath)
    assert selectors.obligation_for(unborn.pk, "CP-PREBIRTH", plan.pk) is None
    change_details(
        unborn, {"date_of_birth": day(40), "expected_date_of_birth": None}, by=alice
    )
    born = JournalEvent.objects.get(type="protection.pre_birth_plan_child_born")
    assert born.payload == {
        "plan": plan.pk,
        "episode": episode.pk,
        "born_on": day(40).isoformat(),
    }
    due = selectors.obligation_for(unborn.pk, "CP-PREBIRTH", plan.pk)
    assert due.due_on == add_working_days(day(40), 10)
    plans.record_core_group(
        plan, held_on=day(44), attendance=ATTENDANCE, progress="Baby home", by=alice
    )
    met = selectors.obligation_for(unborn.pk, "CP-PREBIRTH", plan.pk)
    assert met.status == Obligation.Status.MET_ON_TIME


def test_only_a_first_date_of_birth_on_a_pre_birth_plan_is_a_birth(
    child, episode, alice, cath
):
    from tests.protection.conftest import on_a_plan

    on_a_plan(episode, alice, cath)
    change_details(child, {"date_of_birth": day(-400)}, by=alice)
    assert not JournalEvent.objects.filter(
        type="protection.pre_birth_plan_child_born"
    ).exists()


def test_the_episode_offers_the_pre_birth_conference(
    client, unborn, episode, alice, cath
):
    enquiry(episode, alice)
    client.force_login(alice)
    page = client.get(f"/children-in-need/people/{unborn.pk}/").content.decode()
    assert "Record the pre-birth conference" in page
    assert "Arrange the pre-birth conference" in page
    assert "Record a transfer-in conference" not in page


def test_a_transfer_in_conference_says_where_the_plan_came_from(episode, alice, cath):
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode, meeting(cath), by=alice, kind=ConferenceKind.TRANSFER_IN
        )
    assert refused.value.message == (
        "Say which local authority the child's plan came from"
    )
    conference = conferences.hold_initial_conference(
        episode,
        meeting(cath),
        by=alice,
        kind=ConferenceKind.TRANSFER_IN,
        transfer=conferences.Transfer("Northshire County Council", plans_elsewhere=2),
    )
    assert conference.transferred_from == "Northshire County Council"
    # Plans recorded elsewhere count with the child's history here.
    assert conference.started_plan.previous_plans == 2


def test_the_transfer_in_page(client, child, episode, alice, cath):
    client.force_login(alice)
    page = client.get(f"/children-in-need/people/{child.pk}/").content.decode()
    assert "Record a transfer-in conference" in page
    url = f"/child-protection/episodes/{episode.pk}/transfer-in-conference/"
    held = day(15)
    answer = client.post(
        url,
        {
            "transferred_from": "Northshire County Council",
            "plans_elsewhere": "1",
            "held_on_day": held.day,
            "held_on_month": held.month,
            "held_on_year": held.year,
            "chair": cath.pk,
            "decision": "plan",
            "category": "PHY",
            "attendance-TOTAL_FORMS": "1",
            "attendance-INITIAL_FORMS": "0",
            "attendance-0-agency": "School",
            "attendance-0-name": "Mr Hale",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    plan = episode.cp_plans.get()
    assert (plan.starting_conference.kind, plan.previous_plans) == ("transfer_in", 1)


def _next_weekday() -> dt.date:
    found = clock.today() + dt.timedelta(days=1)
    while found.weekday() >= 5:
        found += dt.timedelta(days=1)
    return found


def test_a_transfer_in_conference_booked_ahead_is_due_from_the_booking(
    episode, alice, cath
):
    booking = arrangements.Booking(_next_weekday(), cath)
    booked = arrangements.arrange_transfer_in(episode, booking, by=alice)
    assert booked.kind == ConferenceKind.TRANSFER_IN
    due = selectors.due_on(episode.person_id, "CP-TRANSFER-IN", episode.pk)
    assert due == add_working_days(clock.today(), 15)
    # Rebooking changes the booking and keeps the due date.
    later = arrangements.Booking(add_working_days(_next_weekday(), 2), cath)
    again = arrangements.arrange_transfer_in(episode, later, by=alice)
    assert again.pk == booked.pk
    assert selectors.due_on(episode.person_id, "CP-TRANSFER-IN", episode.pk) == due


def test_no_transfer_in_conference_for_a_child_already_on_a_plan_here(
    episode, alice, cath
):
    on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError, match="already on a child protection plan"):
        arrangements.arrange_transfer_in(
            episode, arrangements.Booking(_next_weekday(), cath), by=alice
        )
