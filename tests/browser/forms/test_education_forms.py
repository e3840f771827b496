"""A looked-after child's personal education plan in a browser, through the
form's real widgets: the PEP due from the start of care is refused with every
fault named, then recorded; the section and the form pass axe."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.education import forms
from haven.care.models import PersonalEducationPlan
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.core import clock
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
)


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


@covers(forms.PepForm)
def test_a_personal_education_plan_is_recorded(page: Page, live_server, demo):
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
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    expect(page.locator("#next-pep")).to_contain_text("Personal education plan due")
    page.get_by_role("link", name="Record a personal education plan").click()
    assert accessibility_violations(page) == []
    fill_date(page, "held_on", _day(45))
    press(page, "Record the PEP")
    expect_errors(
        page,
        "The child was not looked after on",
        "Choose the school term",
        "Enter the child's school",
        "Enter the designated teacher's name",
        "Write the targets agreed and the support",
    )
    fill_date(page, "held_on", _day(20))
    choose(page, "term", "autumn")
    page.fill("#id_school", "Moorside Nursery")
    page.fill("#id_designated_teacher", "Mrs Ada Kettle")
    page.fill("#id_virtual_school", "Sam Oyelaran")
    page.fill("#id_summary", "Speech and language support; settling-in plan.")
    press(page, "Record the PEP")
    expect_success(page, "Personal education plan recorded")
    assert PersonalEducationPlan.objects.get(person=child).term == "autumn"
    expect(page.locator("#peps")).to_contain_text("Moorside Nursery")
    expect(page.locator("#next-pep")).to_have_count(0)
    assert accessibility_violations(page) == []
