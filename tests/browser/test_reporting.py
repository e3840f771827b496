"""The performance dashboard in a browser, as a service manager on the demo
authority: the page answers at once and each panel fills in by htmx, the
charts and tables pass axe at desktop and phone width, the page says when the
figures were worked out and works them out again on asking, a point on the
chart opens the children behind it (counted now), and a figure's children
download as CSV."""

import csv
import datetime as dt
import re

from playwright.sync_api import Page, expect

from tests.browser.conftest import accessibility_violations, sideways_scrolling, sign_in


def _accessible(page: Page) -> None:
    for width in (1200, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert accessibility_violations(page) + sideways_scrolling(page) == [], width
    page.set_viewport_size({"width": 1200, "height": 900})


def test_a_service_manager_opens_a_figure_onto_its_children_and_downloads_them(
    page: Page, live_server, demo
):
    sign_in(page, live_server.url, "service-manager")
    page.get_by_role("link", name="Performance", exact=True).first.click()
    expect(page.locator("h1")).to_contain_text("Performance")
    _panels_loaded(page)
    expect(page.locator("#chart-over_time")).to_be_visible()
    expect(page.locator("#table-over_time")).to_be_visible()
    expect(page.locator("#worked-over_time")).to_contain_text("Worked out at")
    _accessible(page)

    # Worked out again: the page comes back and each panel fills in afresh.
    page.get_by_role("button", name="Work the figures out again now").click()
    expect(page).to_have_url(re.compile(r"/reporting/\?start_day="))
    _panels_loaded(page)
    expect(page.locator("#worked-over_time")).to_contain_text("Worked out at")

    # The line chart's last point for children in need: those in need now.
    point = page.locator('#chart-over_time a[aria-label^="Children in need, "]').last
    month = _months(page)[-1]
    assert f"{month}:" in (point.get_attribute("aria-label") or "")
    point.click()
    expect(page.locator("h1")).to_contain_text("Children in need")
    expect(page.locator("#behind-summary")).to_be_visible()
    expect(page.locator("#behind-live")).to_contain_text("counted now")
    _accessible(page)
    named = page.locator("#children tbody tr").count()
    assert named >= 1, "the service manager opens the children of the service"

    with page.expect_download() as info:
        page.get_by_role("button", name="Download the list as CSV").click()
    with open(info.value.path(), newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0][:4] == ["Child", "Haven ID", "Date of birth", "Counted on"]
    assert len(rows) - 1 >= named


def _panels_loaded(page: Page) -> None:
    """Every panel in place: none still waiting for htmx."""
    expect(page.locator("[hx-get]")).to_have_count(0, timeout=180_000)


def _months(page: Page) -> list[str]:
    """The months of the dashboard's period, as the chart names them."""
    ends = page.locator("#table-over_time tbody th").all_inner_texts()
    return [dt.datetime.strptime(end, "%d %b %Y").strftime("%B %Y") for end in ends]
