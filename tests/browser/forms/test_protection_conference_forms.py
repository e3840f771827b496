"""Child protection conferences in a browser, beyond recording them: booking
one with its chair and administrator, the chair's sign-off and amendments,
ending a plan without a review, and the conferences started from the
episode (pre-birth, transfer-in)."""

import datetime as dt

from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from haven.core import access, clock
from haven.core.models import User
from haven.people.models import Person
from haven.protection import conferences
from haven.protection import forms as cp
from haven.protection.models import ConferenceArrangement
from haven.protection.roles import CONFERENCE_ADMINISTRATOR
from tests.browser.conftest import sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.test_protection_forms import (
    _enquiry_found_harm,
    _referred,
    day,
)
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
    select,
)


def ahead(n: int) -> dt.date:
    """The n-th weekday after today."""
    found = clock.today()
    while n:
        found += dt.timedelta(days=1)
        n -= found.weekday() < 5
    return found


def saturday_ahead() -> dt.date:
    found = clock.today() + dt.timedelta(days=1)
    return found + dt.timedelta(days=(5 - found.weekday()) % 7)


def administrator() -> User:
    """A conference administrator in the chairs' team (the demo staffs none yet)."""
    chairs = scenes.staff("cp-chair").team
    user = User.objects.create_user(
        username="conference-admin", first_name="Ada", last_name="Okafor", team=chairs
    )
    user.groups.add(Group.objects.get(name=CONFERENCE_ADMINISTRATOR.name))
    return user


@covers(cp.ArrangeForm)
def test_booking_the_initial_conference_gives_its_chair_the_record(
    page: Page, live_server, demo
):
    child = scenes.child()
    found = _enquiry_found_harm(child)
    chair = scenes.staff("cp-chair")
    admin = administrator()
    assert access.why_user_may_open(chair, child) is None
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/child-protection/enquiries/{found.pk}/")
    page.get_by_role("link", name="Arrange the initial conference").click()

    # The chair picker offers chairs only.
    options = page.locator("#id_chair option").all_inner_texts()
    assert chair.get_full_name() in options
    assert scenes.staff("social-worker").get_full_name() not in options

    fill_date(page, "planned_on", saturday_ahead())
    press(page, "Arrange the conference")
    expect_errors(page, "A conference cannot be held at a weekend", "Choose who chairs")

    fill_date(page, "planned_on", ahead(5))
    select(page, "chair", value=str(chair.pk))
    select(page, "administrator", value=str(admin.pk))
    press(page, "Arrange the conference")
    expect_success(page, "Initial child protection conference arranged for")
    booked = ConferenceArrangement.objects.get(section_47=found)
    assert (booked.planned_on, booked.chair, booked.administrator) == (
        ahead(5),
        chair,
        admin,
    )
    expect(page.locator("#booked")).to_contain_text(chair.get_full_name())
    assert access.may_change(chair, child) and access.may_change(admin, child)

    # Recording it starts from the booking.
    page.get_by_role("link", name="Record the initial conference").click()
    expect(page.locator("#id_chair")).to_have_value(str(chair.pk))


def _on_a_plan(child):
    found = _enquiry_found_harm(child)
    meeting = conferences.Meeting(
        held_on=found.completed_on,
        chair=scenes.staff("cp-chair"),
        decision="plan",
        attendance=[{"agency": "School", "name": "Mr Hale", "attended": True}],
        category="EMO",
    )
    worker = scenes.staff("social-worker")
    conference = conferences.hold_initial_conference(
        found.episode, meeting, by=worker, section_47=found
    )
    return conference.started_plan


@covers(cp.RecordForm, cp.AmendmentForm, "protection/conference.html")
def test_the_chair_signs_the_record_off_and_it_is_amended_beside_it(
    page: Page, live_server, demo
):
    plan = _on_a_plan(scenes.child())
    conference = plan.starting_conference
    sign_in(page, live_server.url, "cp-chair")
    page.goto(f"{live_server.url}/child-protection/conferences/{conference.pk}/")
    page.get_by_role("link", name="Change the record").click()
    page.fill("#id_minutes", "The school described the child as withdrawn")
    page.fill("#id_dissent", "Health disagreed with the category")
    press(page, "Save the record")
    expect_success(page, "The conference's record is saved")
    expect(page.locator("#minutes")).to_contain_text("withdrawn")

    press(page, "Sign off the record")
    expect_success(page, "Record signed off")
    expect(page.locator("#signed-off")).to_contain_text("can no longer be changed")
    expect(page.get_by_role("link", name="Change the record")).to_have_count(0)
    conference.refresh_from_db()
    assert conference.signed_off_by == scenes.staff("cp-chair")

    page.get_by_role("link", name="Add an amendment").click()
    press(page, "Add the amendment")
    expect_errors(page, "Write the amendment", "Say why the record is amended")
    page.fill("#id_text", "Dad joined by phone for the decision")
    page.fill("#id_reason", "Left out of the attendance")
    press(page, "Add the amendment")
    expect_success(page, "Amendment added to the signed record")
    expect(page.locator("#amendments")).to_contain_text("Left out of the attendance")
    conference.refresh_from_db()
    assert conference.minutes == "The school described the child as withdrawn"
    assert conference.amendments.get().text == "Dad joined by phone for the decision"


def test_the_letter_to_the_parents_sits_beside_the_plans_print_view(
    page: Page, live_server, demo
):
    plan = _on_a_plan(scenes.child())
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/child-protection/plans/{plan.pk}/")
    page.get_by_role("link", name="Print the letter to the parents").click()
    expect(page.locator("main")).to_contain_text("emotionally harmed")
    expect(page.locator("#review")).to_contain_text("next child protection conference")


@covers(cp.EndPlanForm)
def test_a_plan_ends_without_a_review_when_the_child_becomes_looked_after(
    page: Page, live_server, demo
):
    plan = _on_a_plan(scenes.child())
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/child-protection/plans/{plan.pk}/")
    page.get_by_role("link", name="End the plan without a review").click()
    # A review conference's own reason is not offered here.
    expect(page.locator("input[value='no_longer_at_risk']")).to_have_count(0)
    choose(page, "reason", "other")
    press(page, "End the plan")
    expect_errors(page, "Say why the plan ended", "Enter the date the plan ended")

    choose(page, "reason", "looked_after")
    fill_date(page, "ended_on", clock.today())
    press(page, "End the plan")
    expect_success(page, "The child protection plan has ended")
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason) == (clock.today(), "looked_after")
    expect(page.locator("main")).to_contain_text("Became looked after")


@covers(cp.TransferInConferenceForm, cp.AttendeeForm)
def test_a_transfer_in_conference_from_the_episode_starts_a_plan(
    page: Page, live_server, demo
):
    child = scenes.child()
    episode = _referred(child)
    chair = scenes.staff("cp-chair")
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/children-in-need/people/{child.pk}/")
    page.get_by_role("link", name="Record a transfer-in conference").click()
    press(page, "Record the conference")
    expect_errors(page, "Say which local authority the child's plan came from")

    page.fill("#id_transferred_from", "Northshire County Council")
    page.fill("#id_plans_elsewhere", "1")
    fill_date(page, "held_on", day(3))
    select(page, "chair", value=str(chair.pk))
    page.fill("#id_attendance-0-agency", "Northshire children's services")
    page.fill("#id_attendance-0-name", "Pat Oduya")
    page.check("#id_attendance-0-attended")
    choose(page, "decision", "plan")
    choose(page, "category", "NEG")
    press(page, "Record the conference")
    expect_success(page, "the child protection plan has started")
    plan = episode.cp_plans.get()
    conference = plan.starting_conference
    assert (conference.kind, conference.transferred_from) == (
        "transfer_in",
        "Northshire County Council",
    )
    assert (plan.started_on, plan.previous_plans) == (day(3), 1)


def test_an_unborn_childs_episode_offers_the_pre_birth_conference(
    page: Page, live_server, demo
):
    child = scenes.child()
    found = _enquiry_found_harm(child)
    Person.objects.filter(pk=child.pk).update(
        date_of_birth=None, expected_date_of_birth=clock.today() + dt.timedelta(90)
    )
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/children-in-need/people/{child.pk}/")
    page.get_by_role("link", name="Record the pre-birth conference").click()
    expect(page.locator("input[name='kind'][value='pre_birth']")).to_be_checked()
    assert found.episode.person_id == child.pk
