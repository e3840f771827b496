"""A payee's forms through their widgets: bank details proposed (refused first
with every fault, the digits not shown back) and approved by a second finance
officer, and a one-off payment requested and approved the same way."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.finance.bank.forms import PaymentDetailsForm
from haven.finance.oneoff.forms import OneOffForm
from haven.finance.oneoff.models import OneOffPayment
from tests.browser.conftest import accessibility_violations, sign_in, sign_out
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    press,
    select,
)
from tests.care.factories import AgencyFactory, CarerFactory, fostered, in_care


@covers(PaymentDetailsForm, OneOffForm, "finance/bank/payee.html")
def test_two_finance_officers_set_bank_details_and_a_birthday_payment(
    page: Page, live_server, demo
):
    agency = AgencyFactory(name="Larkspur Fostering")
    child = scenes.child()
    in_care(
        child,
        by=scenes.staff("social-worker"),
        on=clock.today() - dt.timedelta(days=40),
        placement=fostered(CarerFactory(provider=agency)),
    )
    base = live_server.url
    sign_in(page, base, "finance-officer")
    page.get_by_role("link", name="Payments", exact=True).click()
    page.get_by_role("link", name="Payees: bank details and one-off payments").click()
    page.get_by_role("link", name="Larkspur Fostering", exact=True).click()
    page.fill("#id_sort_code", "12-34-5")
    page.fill("#id_account_number", "1234567")
    press(page, "Propose the bank details")
    expect_errors(
        page,
        "Enter the name on the account",
        "Enter the sort code as 6 digits",
        "Enter the account number as 8 digits",
    )
    expect(page.locator("#id_account_number")).to_have_value("")
    page.fill("#id_account_name", "Larkspur Fostering Ltd")
    page.fill("#id_sort_code", "12-34-56")
    page.fill("#id_account_number", "8765 4321")
    press(page, "Propose the bank details")
    expect_success(page, "Bank details proposed")
    expect(page.locator("#waiting")).to_contain_text("••••4321")
    expect(
        page.get_by_role("button", name="Approve the new bank details")
    ).to_have_count(0)

    press(page, "Request the payment")
    expect_errors(
        page,
        "Choose a child placed with this payee",
        "Choose what the payment is for",
        "Enter the amount in pounds, like 150.00",
    )
    select(page, "child", label=child.full_name)
    choose(page, "kind", "birthday")
    page.fill("#id_amount", "75.50")
    press(page, "Request the payment")
    expect_success(page, "Payment requested")
    assert not accessibility_violations(page)
    sign_out(page)

    sign_in(page, base, "finance-officer2")
    page.goto(f"{base}/payments/payees/p{agency.pk}/")
    press(page, "Approve the new bank details")
    expect_success(page, "Bank details approved")
    expect(page.locator("#in-use")).to_contain_text("••••4321")
    page.get_by_role(
        "button", name=f"Approve the payment for {child.full_name}"
    ).click()
    expect_success(page, "Payment approved")
    assert OneOffPayment.objects.get(provider=agency).status == "approved"
    assert "87654321" not in page.content()
