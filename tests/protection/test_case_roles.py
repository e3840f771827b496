"""The chair and the conference administrator as case roles: booking a
conference gives them the child's record, changing the chair moves it, and
signing off the last record ends it. No write gives its author access: a user
who cannot open the child cannot name themselves to gain it."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import access, clock
from haven.core.caseroles import CaseRole
from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import Allocation
from haven.core.selectors import current_allocation
from haven.core.services import break_glass
from haven.protection import arrangements, conferences, plans
from haven.protection.forms import ArrangeForm, ReviewConferenceForm
from haven.protection.models import ConferenceArrangement
from haven.protection.roles import CONFERENCE_ADMINISTRATOR
from tests.conftest import make_user
from tests.protection.conftest import day, enquiry, meeting, on_a_plan

pytestmark = pytest.mark.django_db


def administrator(username, team):
    user = make_user(username, "social_worker", team)
    user.groups.set([Group.objects.get(name=CONFERENCE_ADMINISTRATOR.name)])
    return user


@pytest.fixture
def ada(reviewing):
    """A conference administrator."""
    return administrator("ada", reviewing)


def _weekday_ahead(n: int) -> dt.date:
    """The n-th weekday after today."""
    found = clock.today()
    while n:
        found += dt.timedelta(days=1)
        n -= found.weekday() < 5
    return found


def _book(found, by, chair, admin=None, on=None):
    booking = arrangements.Booking(on or _weekday_ahead(3), chair, admin)
    return arrangements.arrange_initial(found, booking, by=by)


def _holder(child, role):
    held = current_allocation(child, role)
    return held.worker if held else None


def test_booking_a_conference_gives_its_chair_and_administrator_the_record(
    child, episode, alice, cath, ada
):
    found = enquiry(episode, alice)
    assert access.why_user_may_open(cath, child) is None
    booked = _book(found, alice, cath, ada)
    assert booked.kind == "initial"
    assert _holder(child, CaseRole.CP_CHAIR) == cath
    assert _holder(child, CaseRole.CONFERENCE_ADMIN) == ada
    assert access.may_change(cath, child) and access.may_change(ada, child)
    # The social worker keeps the case: the roles sit beside hers.
    assert _holder(child, CaseRole.SOCIAL_WORKER) == alice


def test_changing_the_chair_moves_the_role(child, episode, alice, cath, reviewing):
    other = make_user("colin", "cp_chair", reviewing)
    found = enquiry(episode, alice)
    _book(found, alice, cath)
    rebooked = _book(found, alice, other)
    assert ConferenceArrangement.objects.get() == rebooked
    assert _holder(child, CaseRole.CP_CHAIR) == other
    assert Allocation.objects.filter(role=CaseRole.CP_CHAIR).count() == 2
    # Cath's team shares Colin's, so the team still reads it; Cath herself
    # holds no role now.
    assert not Allocation.objects.filter(worker=cath, ended_on=None).exists()


def test_only_a_chair_chairs_and_only_an_administrator_administers(
    episode, alice, cath
):
    found = enquiry(episode, alice)
    with pytest.raises(DomainErrors) as refused:
        _book(found, alice, alice, cath)
    assert [(f.code, f.message) for f in refused.value.failures] == [
        (
            "chair_not_allowed",
            "Alice Tester is not a child protection chair: choose a conference chair",
        ),
        (
            "administrator_not_allowed",
            "Cath Tester is not a conference administrator: choose a conference "
            "administrator",
        ),
    ]


def test_the_pickers_offer_only_those_who_do_the_work(alice, cath, ada, mona):
    form = ArrangeForm()
    assert list(form.fields["chair"].queryset) == [cath]
    assert list(form.fields["administrator"].queryset) == [ada]
    assert list(ReviewConferenceForm().fields["chair"].queryset) == [cath]


def test_no_one_names_themselves_into_a_record_they_cannot_open(
    child, episode, alice, reviewing, ada
):
    found = enquiry(episode, alice)
    # A chair who also does casework, in a team that does not hold the child.
    both = make_user("sam", "cp_chair", reviewing)
    both.groups.add(Group.objects.get(name="Social worker"))
    with pytest.raises(AccessDenied):
        _book(found, both, both)
    with pytest.raises(AccessDenied):
        _book(found, ada, both, ada)
    # Break-glass lets them read the record, never write to it.
    break_glass(child, reason="Asked to chair urgently", by=both)
    with pytest.raises(AccessDenied):
        _book(found, both, both)
    assert not Allocation.objects.filter(worker__in=[both, ada]).exists()


def test_a_chair_may_not_book_a_conference(episode, alice, cath):
    found = enquiry(episode, alice)
    _book(found, alice, cath)
    with pytest.raises(DomainError) as refused:
        _book(found, cath, cath)
    assert refused.value.code == "not_permitted"


def test_recording_a_conference_gives_its_chair_the_role(child, episode, alice, cath):
    on_a_plan(episode, alice, cath)
    assert _holder(child, CaseRole.CP_CHAIR) == cath


def test_holding_the_booked_conference_closes_the_booking(episode, alice, cath, ada):
    found = enquiry(episode, alice)
    booked = _book(found, alice, cath, ada)
    conference = conferences.hold_initial_conference(
        episode, meeting(cath), by=alice, section_47=found
    )
    booked.refresh_from_db()
    assert booked.conference == conference


def test_the_roles_end_when_the_last_record_is_signed_off(child, episode, alice, cath):
    found = enquiry(episode, alice)
    conference = conferences.hold_initial_conference(
        episode, meeting(cath, decision="no_plan"), by=alice, section_47=found
    )
    assert _holder(child, CaseRole.CP_CHAIR) == cath
    conferences.sign_off(conference, by=cath)
    assert _holder(child, CaseRole.CP_CHAIR) is None
    assert access.why_user_may_open(cath, child) is None


def test_a_running_plan_keeps_its_chair(child, episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    conferences.sign_off(plan.starting_conference, by=cath)
    assert _holder(child, CaseRole.CP_CHAIR) == cath
    plans.end_plan(plan, ended_on=day(30), reason="transferred", by=alice)
    assert _holder(child, CaseRole.CP_CHAIR) is None


def test_a_review_is_booked_after_the_last_one(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    booking = arrangements.Booking(_weekday_ahead(2), cath)
    booked = arrangements.arrange_review(plan, booking, by=alice)
    assert (booked.kind, booked.plan) == ("review", plan)


def test_a_booking_names_everything_missing(episode, alice):
    found = enquiry(episode, alice)
    with pytest.raises(DomainErrors) as refused:
        arrangements.arrange_initial(found, arrangements.Booking(None, None), by=alice)
    assert refused.value.codes == ["date_required", "chair_required"]


class _Undo(Exception):
    """Raised to roll each example back."""


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(offset=st.integers(min_value=-20, max_value=20))
def test_a_conference_is_booked_for_a_weekday_from_today(episode, alice, cath, offset):
    planned = clock.today() + dt.timedelta(days=offset)
    allowed = planned.weekday() < 5 and planned >= clock.today()
    with pytest.raises(_Undo), transaction.atomic():
        found = enquiry(episode, alice)
        try:
            booked = _book(found, alice, cath, on=planned)
        except DomainError as refused:
            assert not allowed
            assert refused.code in ("conference_at_weekend", "date_too_early")
        else:
            assert allowed and booked.planned_on == planned
            assert _holder(episode.person, CaseRole.CP_CHAIR) == cath
        raise _Undo
