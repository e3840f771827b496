"""The performance dashboard's period and team, through their widgets: a
period ending before it starts is refused in the error summary; a period and a
team show that team's figures for it; "Work the figures out again now"
brings the same period and team back, worked out afresh; so does "Work the
counts out again now" on the data quality page."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.reporting.forms import PeriodForm
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import expect_errors, fill_date, press, select


@covers(PeriodForm, "reporting/dashboard.html")
def test_the_manager_chooses_a_period_and_a_team(page: Page, live_server, demo):
    today = clock.today()
    sign_in(page, live_server.url, "service-manager")
    page.goto(f"{live_server.url}/reporting/")
    fill_date(page, "start", today - dt.timedelta(days=10))
    fill_date(page, "end", today - dt.timedelta(days=40))
    press(page, "Show the figures")
    expect_errors(page, "From must be on or before To")
    assert accessibility_violations(page) == []

    start = today.replace(day=1) - dt.timedelta(days=90)
    fill_date(page, "start", start)
    fill_date(page, "end", today)
    team = page.locator("#id_team option").nth(1).inner_text()
    select(page, "team", label=team)
    press(page, "Show the figures")
    expect(page.locator(".govuk-error-summary")).to_have_count(0)
    expect(page.locator("h1 .govuk-caption-m")).to_contain_text(
        f"{team}, {start:%-d %B %Y} to {today:%-d %B %Y}"
    )
    expect(page.locator("#chart-over_time")).to_be_visible()

    press(page, "Work the figures out again now")
    expect(page.locator("h1 .govuk-caption-m")).to_contain_text(team)
    expect(page.locator("#worked-over_time")).to_contain_text("Worked out at")


@covers("reporting/quality/index.html")
def test_the_manager_works_the_data_quality_counts_out_again(
    page: Page, live_server, demo
):
    sign_in(page, live_server.url, "service-manager")
    page.goto(f"{live_server.url}/reporting/quality/")
    expect(page.locator("#table-quality")).to_be_visible()  # loaded by htmx
    worked = page.locator("#quality-worked").inner_text()
    team = page.locator("#id_team option").nth(1).inner_text()
    select(page, "team", label=team)
    press(page, "Show the figures")
    expect(page.locator("h1 .govuk-caption-m")).to_contain_text(team)
    expect(page.locator("#table-quality")).to_be_visible()

    press(page, "Work the counts out again now")
    expect(page.locator("h1 .govuk-caption-m")).to_contain_text(team)
    expect(page.locator("#quality-worked")).to_contain_text("Worked out at")
    assert worked.startswith("Worked out at")
    assert accessibility_violations(page) == []
