"""Invoices' and budgets' forms through their widgets: an invoice recorded
line by line and approved, another disputed with its reason, a budget set
month by month (issue 17)."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.finance import rates
from haven.finance.forecasts import commitments
from haven.finance.forecasts.forms import BudgetForm
from haven.finance.invoices import services
from haven.finance.invoices.forms import DisputeForm, InvoiceForm, InvoiceLineForm
from haven.finance.invoices.models import Invoice
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
from tests.care.factories import AgencyFactory, CarerFactory, fostered, in_care


@covers(InvoiceForm, InvoiceLineForm, DisputeForm, "finance/invoice.html")
def test_an_invoice_is_recorded_approved_and_another_disputed(
    page: Page, live_server, demo
):
    today = clock.today()
    monday = today - dt.timedelta(days=today.weekday() + 35)
    agency = AgencyFactory(name="Quenby Fostering")
    child = scenes.child()
    in_care(
        child,
        by=scenes.staff("social-worker"),
        on=monday - dt.timedelta(days=10),
        placement=fostered(CarerFactory(provider=agency)),
    )
    officer = scenes.staff("finance-officer")
    rates.set_provider_rate(
        agency,
        basis="framework",
        weekly_amount="840.00",
        started_on=monday - dt.timedelta(days=30),
        by=officer,
    )
    base = live_server.url
    sign_in(page, base, "finance-officer")
    page.get_by_role("link", name="Payments", exact=True).click()
    page.get_by_role("link", name="Providers' invoices").click()
    page.get_by_role("link", name="Record an invoice").click()
    press(page, "Record the invoice")
    expect_errors(
        page,
        "Choose the provider",
        "Enter the provider's invoice reference",
        "Enter the first day the invoice bills",
        "Enter the last day the invoice bills",
        "Enter a line for each child the invoice bills, or its total",
    )
    select(page, "provider", label="Quenby Fostering")
    page.fill("#id_reference", "QF-0042")
    fill_date(page, "starts_on", monday)
    fill_date(page, "last_day", monday + dt.timedelta(days=27))
    page.fill("#id_lines-0-child", str(child.pk))
    page.fill("#id_lines-0-days", "28")
    page.fill("#id_lines-0-amount", "3500.00")
    press(page, "Record the invoice")
    expect_success(page, "Invoice QF-0042 recorded")
    row = page.locator("#match tr", has_text=child.full_name)
    expect(row).to_contain_text("The rate billed for")
    expect(row).to_contain_text("£3360.00")  # 28 days at £840 a week
    assert not accessibility_violations(page)
    press(page, "Approve the invoice")
    expect_success(page, "Invoice approved for payment")
    assert Invoice.objects.get(reference="QF-0042").status == "approved"

    other = services.record_invoice(
        agency,
        reference="QF-0043",
        starts_on=monday,
        last_day=monday + dt.timedelta(days=27),
        total="4000.00",
        by=officer,
    )
    page.goto(f"{base}/payments/invoices/{other.pk}/")
    press(page, "Dispute the invoice")
    expect_errors(page, "Enter why the invoice is disputed")
    page.fill("#id_reason", "The total is £640.00 over: send the lines")
    press(page, "Dispute the invoice")
    expect_success(page, "Invoice disputed")
    other.refresh_from_db()
    assert (other.status, other.dispute_reason) == (
        "disputed",
        "The total is £640.00 over: send the lines",
    )


@covers(BudgetForm)
def test_a_budget_is_set_month_by_month(page: Page, live_server, demo):
    year = commitments.financial_year(clock.today())
    base = live_server.url
    sign_in(page, base, "finance-officer")
    page.get_by_role("link", name="Payments", exact=True).click()
    page.get_by_role("link", name="Budgets and actuals").click()
    page.get_by_role("link", name="Set a budget").click()
    press(page, "Set the budget")
    expect_errors(
        page,
        "Choose the cost centre",
        "Choose the financial year",
        "Choose an annual amount split evenly or a monthly profile",
    )
    choose(page, "provider_kind", "secure_home")
    select(page, "year", value=str(year))
    choose(page, "profile", "monthly")
    page.fill("#id_month_0", "1000")
    page.fill("#id_month_11", "2.50")
    press(page, "Set the budget")
    expect_success(page, "Budget set for")
    expect(page.locator("h1")).to_contain_text(commitments.year_words(year))
    expect(page.locator("#year-totals")).to_be_visible()
    expect(page.get_by_text("£1002.50").first).to_be_visible()
    assert not accessibility_violations(page)
    page.get_by_role("link", name="Forecast").first.click()
    expect(page.locator("#assumption")).to_contain_text("18th birthday")
    assert not accessibility_violations(page)
