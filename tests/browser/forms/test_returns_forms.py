"""The statutory returns page in a browser: the performance analyst chooses
Ofsted's Annex A and a collection year, sets the day the lists are as at and
how far they look back, then chooses the SEN2 return and downloads it, with
axe on the way."""

import datetime as dt

from lxml import etree
from playwright.sync_api import Page, expect

from haven.returns.forms import AsAtForm, ChooseForm
from tests.browser.conftest import serious_accessibility_violations, sign_in
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import choose, fill_date, press, select


@covers(ChooseForm, AsAtForm)
def test_the_analyst_chooses_a_return_and_a_year_and_downloads_it(
    page: Page, live_server, demo
):
    base = live_server.url
    sign_in(page, base, "performance-analyst")
    page.goto(f"{base}/returns/")
    press(page, "Show the return")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a return")
    choose(page, "kind", "annex_a")
    select(page, "year", value="2026")
    press(page, "Show the return")
    expect(page.locator("h1")).to_have_text("Ofsted Annex A 2026")
    fill_date(page, "as_at", dt.date(2025, 8, 31))
    select(page, "months", value="12")
    press(page, "Show the lists")
    expect(page.locator("#returns-summary")).to_contain_text(
        "1 September 2024 to 31 August 2025"
    )
    page.set_viewport_size({"width": 320, "height": 800})
    assert serious_accessibility_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base}/returns/")
    choose(page, "kind", "sen2")
    select(page, "year", value="2026")
    press(page, "Show the return")
    expect(page.locator("h1")).to_have_text("SEN2 return 2026")
    with page.expect_download() as info:
        page.click("text=Download the SEN2 return 2026")
    root = etree.parse(info.value.path())
    assert root.findtext(".//ReferenceDate") == "2026-01-15"
