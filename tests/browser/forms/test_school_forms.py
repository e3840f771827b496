"""A looked-after child's school history in a browser, through the forms' real
widgets: a school by URN (refused with every fault named, then recorded), a
term's attendance and a suspension at it, each corrected (a reason needed),
and the child leaving it; the
section shows the attendance percentage; the forms pass axe."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.education import demo as education_demo
from haven.care.education import school_forms as forms
from haven.care.models import Enrolment
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.core import clock, establishments
from haven.core.models import Establishment
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
    select,
)


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _child_in_care():
    if not Establishment.objects.exists():
        establishments.load(establishments.read_text(education_demo.LIST))
    child = scenes.child()
    scenes.in_need(child, _day(30))
    start_period_of_care(
        child,
        on=_day(30),
        need="N1",
        legal_status="C1",
        placement=PlacementDetails(
            "P1", address_line_1="1 Home Street", postcode="LS6 1AA"
        ),
        by=scenes.staff("social-worker"),
    )
    return child


@covers(
    forms.EnrolmentForm,
    forms.AttendanceForm,
    forms.ExclusionForm,
    forms.LeftForm,
    forms._AtSchool,  # the school choice the attendance and exclusion forms share
    forms.AttendanceCorrectionForm,
    forms.ExclusionCorrectionForm,
)
def test_a_school_its_attendance_a_suspension_and_leaving(
    page: Page, live_server, demo
):
    child = _child_in_care()
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="Record a school").click()
    assert accessibility_violations(page) == []
    page.fill("#id_urn", "123")
    press(page, "Record the school")
    expect_errors(
        page,
        "No school has the URN 123",
        "Choose the kind of place",
        "Enter the date the child started",
    )
    page.fill("#id_urn", "990101")
    choose(page, "kind", "main")
    fill_date(page, "started_on", _day(400))
    press(page, "Record the school")
    expect_success(page, "School recorded")
    expect(page.locator("#schools")).to_contain_text("Ashcombe Lane Primary School")
    enrolment = Enrolment.objects.get(person=child)

    page.get_by_role("link", name="Record attendance").click()
    assert accessibility_violations(page) == []
    page.fill("#id_attended", "5")
    press(page, "Record the attendance")
    expect_errors(
        page, "Choose the school", "Choose the school term", "sessions possible"
    )
    choose(page, "enrolment", enrolment.pk)
    page.fill("#id_year", str(_day(400).year))
    choose(page, "term", "summer")
    page.fill("#id_possible", "120")
    page.fill("#id_attended", "108")
    press(page, "Record the attendance")
    expect_success(page, "Attendance recorded")
    expect(page.locator("#attendance")).to_contain_text("90.0%")

    page.get_by_role("link", name="Record a suspension or exclusion").click()
    assert accessibility_violations(page) == []
    choose(page, "kind", "suspension")
    press(page, "Record the exclusion")
    expect_errors(
        page,
        "Choose the school",
        "Choose the reason the school gave",
        "Enter the date the exclusion started",
        "Enter the number of sessions",
    )
    choose(page, "enrolment", enrolment.pk)
    fill_date(page, "started_on", _day(100))
    fill_date(page, "ended_on", _day(99))
    page.fill("#id_sessions", "4")
    select(page, "reason", value="PD")
    press(page, "Record the exclusion")
    expect_success(page, "Exclusion recorded")
    expect(page.locator("#exclusions")).to_contain_text("Persistent")
    _correct_both(page)

    page.get_by_role("link", name="Record leaving Ashcombe Lane Primary School").click()
    assert accessibility_violations(page) == []
    press(page, "Record the leaving date")
    expect_errors(page, "Enter the date the child left")
    fill_date(page, "ended_on", _day(10))
    press(page, "Record the leaving date")
    expect_success(page, "Leaving date recorded")
    enrolment.refresh_from_db()
    assert enrolment.ended_on == _day(10)
    assert accessibility_violations(page) == []


def _correct_both(page: Page) -> None:
    """The attendance and the suspension, corrected from their tables: the
    forms open holding what was recorded, and need a reason."""
    page.locator("#attendance").get_by_role("link", name="Correct").click()
    assert accessibility_violations(page) == []
    expect(page.locator("#id_attended")).to_have_value("108")
    page.fill("#id_attended", "114")
    press(page, "Correct the attendance")
    expect_errors(page, "Say why the attendance is being corrected")
    page.fill("#id_why", "The school sent a corrected report")
    press(page, "Correct the attendance")
    expect_success(page, "Attendance corrected")
    expect(page.locator("#attendance")).to_contain_text("95.0%")

    page.locator("#exclusions").get_by_role("link", name="Correct").click()
    assert accessibility_violations(page) == []
    expect(page.locator("#id_sessions")).to_have_value("4")
    page.fill("#id_sessions", "3")
    select(page, "reason", value="VA")
    page.fill("#id_why", "Wrong reason and one session too many")
    press(page, "Correct the exclusion")
    expect_success(page, "Exclusion corrected")
    expect(page.locator("#exclusions")).to_contain_text("Verbal abuse")
