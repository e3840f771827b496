"""Haven on a phone: 320 CSS px wide (WCAG 2.2 1.4.10 Reflow), and in landmarks.

tests/browser/test_every_page_accessible.py checks every page; these name the pages
issue 9 found cut off or pushed down, so a regression reads as what a worker meets.
"""

from playwright.sync_api import Page, expect

from tests.browser.conftest import load_axe, sideways_scrolling, sign_in

PHONE = {"width": 320, "height": 640}


def open_first_child(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/people/")
    page.locator("table a").first.click()
    expect(page.locator(".moj-identity-bar")).to_be_visible()


def test_on_a_phone_a_childs_record_starts_on_the_first_screen(
    page: Page, live_server, demo
):
    sign_in(page, live_server.url, "social-worker")
    page.set_viewport_size(PHONE)
    open_first_child(page, live_server.url)
    heading_top = page.locator("h1").bounding_box()
    assert heading_top is not None
    assert heading_top["y"] + heading_top["height"] < PHONE["height"]


def test_on_a_phone_wide_tables_scroll_in_their_own_box_not_the_page(
    page: Page, live_server, demo
):
    for username, path in [
        ("service-manager", "/work/"),
        ("early-help-worker", "/early-help/"),
        ("service-manager", "/work/team/"),
    ]:
        sign_in(page, live_server.url, username)
        page.set_viewport_size(PHONE)
        page.goto(live_server.url + path)
        assert sideways_scrolling(page) == [], path
        page.click("button:has-text('Sign out')")
        page.set_viewport_size({"width": 1200, "height": 900})
    sign_in(page, live_server.url, "social-worker")
    page.set_viewport_size(PHONE)
    open_first_child(page, live_server.url)
    page.click(".moj-sub-navigation a:has-text('Chronology')")
    expect(page.locator("#chronology")).to_be_visible()
    assert sideways_scrolling(page) == []
    box = page.locator(".haven-table-container:has(#chronology)")
    expect(box).to_have_attribute("tabindex", "0")
    expect(box).to_have_attribute("role", "region")


def test_the_phase_banner_and_identity_bar_are_inside_landmarks(
    page: Page, live_server, demo
):
    sign_in(page, live_server.url, "social-worker")
    open_first_child(page, live_server.url)
    load_axe(page)
    result = page.evaluate("async () => await axe.run(document, {runOnly: ['region']})")
    assert [node["target"] for v in result["violations"] for node in v["nodes"]] == []
