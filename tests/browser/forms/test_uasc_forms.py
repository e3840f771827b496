"""Unaccompanied asylum-seeking child status in a browser, through the forms'
real widgets: refused with its fault named, recorded, then ceased; the
child's page shows the SSDA903 row; the forms pass axe."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.models import UascStatus
from haven.care.uasc import forms
from haven.core import clock
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import expect_errors, expect_success, fill_date, press


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


@covers(forms.UascForm, forms.CeasedForm)
def test_uasc_status_is_recorded_and_ceases(page: Page, live_server, demo):
    child = scenes.child()
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/looked-after/people/{child.pk}/uasc/")
    assert accessibility_violations(page) == []
    press(page, "Record the status")
    expect_errors(page, "Enter the date the status began")
    fill_date(page, "started_on", _day(200))
    press(page, "Record the status")
    expect_success(page, "UASC status recorded")
    expect(page.locator("#uasc-row")).to_contain_text("DUC (blank: UASC now)")
    page.get_by_role("link", name="Record that it ceased").click()
    assert accessibility_violations(page) == []
    fill_date(page, "ceased_on", _day(300))
    press(page, "Record the date")
    expect_errors(page, "on or after the date it began")
    fill_date(page, "ceased_on", _day(20))
    press(page, "Record the date")
    expect_success(page, "Date recorded")
    assert UascStatus.objects.get(person=child).ceased_on == _day(20)
    assert accessibility_violations(page) == []
