"""Prospective adopters' approval in a browser, through the forms' real
widgets, as the demo's adoption worker: from the menu, a registration of
interest refused first with its faults named, then recorded, landing on the
applicants' sealed record with stage 1's date (ADO-STAGE1); then each step,
the first refused with its faults named, to the agency decision maker's
decision. Axe checks the pages."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.adoption import approval_forms as forms
from haven.care.models import AdopterApproval
from haven.core import clock
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
)


def _step(page: Page, link: str, button: str, on: dt.date, outcome: str = "") -> None:
    page.get_by_role("link", name=link).click()
    fill_date(page, "on", on)
    if outcome:
        choose(page, "outcome", outcome)
    press(page, button)


@covers(forms.RegisterInterestForm, forms.ApprovalStepForm)
def test_prospective_adopters_are_registered_and_approved(
    page: Page, live_server, demo
):
    base = live_server.url
    sign_in(page, base, "adoption-worker")
    page.goto(f"{base}/")
    page.get_by_role("link", name="Prospective adopters").first.click()
    page.get_by_role("link", name="Record a registration of interest").click()
    assert accessibility_violations(page) == []
    press(page, "Record the registration")
    expect_errors(
        page,
        "Enter the first applicant's first and last names",
        "Enter their address",
        "Enter the postcode",
        "Enter the date it was received",
    )
    received = clock.today() - dt.timedelta(days=60)
    page.fill("#id_given_name", "Ingrid")
    page.fill("#id_family_name", "Halvorsen")
    page.fill("#id_joint_applicant", "Tobias Halvorsen")
    page.fill("#id_address_line_1", "3 Larkspur Close")
    page.fill("#id_town", "Leeds")
    page.fill("#id_postcode", "LS8 2QT")
    fill_date(page, "received_on", received)
    press(page, "Record the registration")
    expect_success(page, "Registration of interest recorded")
    section = page.locator("#adopter-approval")
    expect(section).to_contain_text("Tobias Halvorsen")
    expect(section).to_contain_text("(ADO-STAGE1)")
    assert accessibility_violations(page) == []

    page.get_by_role("link", name="Record the end of stage 1").click()
    assert accessibility_violations(page) == []
    press(page, "Record stage 1")
    expect_errors(page, "Choose the outcome", "Enter the date of this step")
    fill_date(page, "on", received + dt.timedelta(days=30))
    choose(page, "outcome", "proceed")
    press(page, "Record stage 1")
    expect_success(page, "Stage 1 recorded")
    _step(
        page,
        "Record the start of stage 2",
        "Record the start of stage 2",
        received + dt.timedelta(days=35),
    )
    expect_success(page, "Start of stage 2 recorded")
    expect(section).to_contain_text("(ADO-STAGE2)")
    _step(
        page,
        "Record the panel's recommendation",
        "Record the recommendation",
        received + dt.timedelta(days=50),
        "yes",
    )
    expect(section).to_contain_text("(ADO-ADM)")
    _step(
        page,
        "Record the decision",
        "Record the decision",
        received + dt.timedelta(days=55),
        "approved",
    )
    expect_success(page, "Decision recorded")
    case = AdopterApproval.objects.get(joint_applicant="Tobias Halvorsen")
    assert case.outcome == "approved"
    expect(section).to_contain_text("Approved as suitable to adopt")
