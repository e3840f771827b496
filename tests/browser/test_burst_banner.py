"""The information governance lead sees a burst in the page header, in red,
until they read the report; the banner is accessible."""

from playwright.sync_api import Page, expect

from haven.core.access import record_denial
from haven.core.models import User
from tests.browser.conftest import accessibility_violations, sign_in


def test_a_burst_shows_in_the_header_until_the_report_is_read(
    page: Page, live_server, demo
):
    trawler = User.objects.get(username="social-worker")
    for _ in range(10):
        record_denial(trawler, 1, what="Person page")
    sign_in(page, live_server.url, "administrator")
    banner = page.locator("#new-bursts")
    expect(banner).to_contain_text("1 new burst")
    assert accessibility_violations(page) == []
    banner.get_by_role("link", name="Read the report").click()
    expect(page.locator("#new-bursts")).to_contain_text("1 new burst:")
    assert accessibility_violations(page) == []
    page.goto(f"{live_server.url}/")
    expect(page.locator("#new-bursts")).to_have_count(0)
