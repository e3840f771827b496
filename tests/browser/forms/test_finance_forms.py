"""Finance's forms through their widgets: a provider's rate, a payment run's
preview, and its approve and close buttons (by a second finance officer)."""

import datetime as dt
from decimal import Decimal

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.finance.forms import PreviewRunForm, RateForm
from haven.finance.models import PaymentRun
from tests.browser.conftest import accessibility_violations, sign_in, sign_out
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
)
from tests.care.factories import AgencyFactory, CarerFactory, fostered, in_care


@covers(RateForm, PreviewRunForm, "finance/run.html")
def test_two_finance_officers_pay_an_agency_for_four_weeks(
    page: Page, live_server, demo
):
    today = clock.today()
    monday = today - dt.timedelta(days=today.weekday() + 35)  # four weeks, ended
    agency = AgencyFactory(name="Quenby Fostering")
    child = scenes.child()
    in_care(
        child,
        by=scenes.staff("social-worker"),
        on=monday - dt.timedelta(days=10),
        placement=fostered(CarerFactory(provider=agency)),
    )
    base = live_server.url
    sign_in(page, base, "finance-officer")
    page.get_by_role("link", name="Payments", exact=True).click()
    page.get_by_role("link", name="Quenby Fostering rates").click()
    page.fill("#id_weekly_amount", "812.505")
    press(page, "Set the rate")
    expect_errors(
        page,
        "Choose a framework contract or a rate card",
        "Enter the weekly amount to the penny, with no more than 2 decimal places",
        "Enter the date the rate starts",
    )
    choose(page, "basis", "framework")
    page.fill("#id_weekly_amount", "840.00")
    fill_date(page, "started_on", monday - dt.timedelta(days=30))
    press(page, "Set the rate")
    expect_success(page, "Rate set for Quenby Fostering")
    assert not accessibility_violations(page)

    page.get_by_role("link", name="Payments", exact=True).first.click()
    choose(page, "provider_kind", "agency")
    fill_date(page, "starts_on", monday + dt.timedelta(days=1))
    press(page, "Preview the run")
    expect_errors(
        page, "This kind of provider is paid by the week: start the period on a Monday"
    )
    fill_date(page, "starts_on", monday)
    press(page, "Preview the run")
    ours = page.locator("#lines tr", has_text=child.full_name)
    expect(ours).to_contain_text("Quenby Fostering")
    expect(ours).to_contain_text("£3360.00")  # 28 days at £840 a week
    assert not accessibility_violations(page)
    expect(page.get_by_role("button", name="Approve the run")).to_have_count(0)
    sign_out(page)

    sign_in(page, base, "finance-officer2")
    run = PaymentRun.objects.get(status="previewed")
    page.goto(f"{base}/payments/runs/{run.pk}/")
    press(page, "Approve the run")
    expect_success(page, "Run approved")
    press(page, "Close the run")
    expect_success(page, "Run closed")
    run.refresh_from_db()
    line = run.lines.get(child=child)
    assert (run.status, line.days, line.amount) == ("closed", 28, Decimal("3360.00"))
    assert run.approved_by.username == "finance-officer2"
