"""A care leaver's support in a browser, through the forms' real widgets: the
place they live is refused first with every fault named, then recorded with
its suitability; the personal adviser's visit there is refused then recorded,
the next falling due two months on (CL-PA-VISIT-N); staying put is recorded to
their 21st birthday and counted; the section and the forms pass axe."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.leavers import support_forms
from haven.care.leavers.rules import birthday
from haven.care.models import AdviserVisit, LeaverAccommodation, StayingArrangement
from haven.core import clock
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms.coverage import covers
from tests.browser.forms.test_leaver_forms import _care_leaver
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
    select,
)


@covers(
    support_forms.AccommodationForm,
    support_forms.AdviserVisitForm,
    support_forms.StayingForm,
)
def test_where_they_live_the_advisers_visit_and_staying_put(
    page: Page, live_server, demo
):
    person = _care_leaver()
    assert person.date_of_birth is not None
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{person.pk}/")
    expect(page.locator("#local-offer")).to_be_visible()
    page.get_by_role("link", name="Record where they live").click()
    assert accessibility_violations(page) == []
    press(page, "Record the accommodation")
    expect_errors(
        page,
        "Enter the date they moved in",
        "Enter the address or place",
        "Choose the accommodation, and whether it suits them",
    )
    moved = clock.today() - dt.timedelta(days=10)
    fill_date(page, "started_on", moved)
    page.fill("#id_place", "Flat 3, 8 Mill Lane")
    select(page, "accommodation", label="In supported lodgings, suitable")
    press(page, "Record the accommodation")
    expect_success(page, "Accommodation recorded")
    assert LeaverAccommodation.objects.get(person=person).accommodation == "E1"
    expect(page.locator("#leaver-accommodation")).to_contain_text("Flat 3")
    expect(page.locator("#next-adviser-visit")).to_contain_text("Overdue")

    page.get_by_role("link", name="Record a personal adviser's visit").click()
    assert accessibility_violations(page) == []
    press(page, "Record the visit")
    expect_errors(page, "Enter the date of the visit", "Say what you saw and heard")
    fill_date(page, "visited_on", clock.today() - dt.timedelta(days=1))
    page.fill("#id_note", "Settled; talked about college.")
    press(page, "Record the visit")
    expect_success(page, "Visit recorded")
    assert AdviserVisit.objects.filter(person=person).count() == 1
    expect(page.locator("#next-adviser-visit")).to_contain_text("Due")

    page.get_by_role("link", name="Record staying put or staying close").click()
    assert accessibility_violations(page) == []
    press(page, "Record the arrangement")
    expect_errors(
        page,
        "Choose staying put or staying close",
        "Enter the former foster carer or the home",
        "Enter the date it started",
    )
    choose(page, "kind", "staying_put")
    page.fill("#id_with_whom", "Maureen, former foster carer")
    fill_date(page, "started_on", birthday(person.date_of_birth, 18))
    press(page, "Record the arrangement")
    expect_success(page, "Arrangement recorded")
    made = StayingArrangement.objects.get(person=person)
    assert made.ends_on == birthday(person.date_of_birth, 21)
    expect(page.locator("#staying-counts")).to_contain_text("Staying put: 1")
    assert accessibility_violations(page) == []
