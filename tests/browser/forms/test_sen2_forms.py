"""The SEN2 page's year form in a browser: the performance analyst picks a
year, sees its census day with the source, and downloads the XML."""

from lxml import etree
from playwright.sync_api import Page, expect

from haven.send.sen2.forms import YearForm
from tests.browser.conftest import serious_accessibility_violations, sign_in
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import press, select


@covers(YearForm)
def test_the_analyst_picks_a_year_and_downloads_the_return(
    page: Page, live_server, demo
):
    sign_in(page, live_server.url, "performance-analyst")
    page.goto(f"{live_server.url}/send/sen2/")
    select(page, "year", value="2026")
    press(page, "Show the return")
    expect(page.locator("h1")).to_have_text("SEN2 return 2026")
    census = page.locator("#sen2-census")
    expect(census).to_contain_text("Thursday 15 January 2026")
    expect(census).to_contain_text("Special educational needs survey")
    expect(page.locator("#sen2-counts")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    with page.expect_download() as info:
        page.click("text=Download the SEN2 2026 XML")
    root = etree.parse(info.value.path())
    assert root.findtext(".//ReferenceDate") == "2026-01-15"
