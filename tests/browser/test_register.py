"""The register journey in a browser: add a child (meeting the duplicate check),
add a warning, and find them again by a misspelt name."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import serious_accessibility_violations, sign_in


def _fill_child(page: Page, given: str, family: str) -> None:
    page.fill("#id_given_name", given)
    page.fill("#id_family_name", family)
    page.fill("#id_date_of_birth_day", "4")
    page.fill("#id_date_of_birth_month", "5")
    page.fill("#id_date_of_birth_year", "2016")
    page.check("input[name=sex][value=F]")


def test_add_a_child_past_the_duplicate_check_and_warn_staff(
    page: Page, live_server, demo
):
    sign_in(page, live_server.url, "social-worker")
    page.click("a:has-text('Children')")
    page.click("a:has-text('Add a person')")
    _fill_child(page, "Jasmine", "Thackray")
    page.click("button:has-text('Continue')")
    expect(page.locator("h1")).to_contain_text("Jasmine Thackray")

    page.goto(f"{live_server.url}/people/new/")
    _fill_child(page, "Jasmin", "Thakray")
    page.click("button:has-text('Continue')")
    banner = page.locator("#duplicates")
    expect(banner).to_contain_text("Jasmine Thackray")
    assert serious_accessibility_violations(page) == []
    banner.locator("a:has-text('Jasmine Thackray')").click()

    page.click("a:has-text('Add a warning')")
    page.click("button:has-text('Save')")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the kind")
    page.check("input[value=risk_to_staff]")
    page.fill("#id_detail", "Large dog at the address")
    page.click("button:has-text('Save')")
    expect(page.locator(".moj-identity-bar")).to_contain_text("Risk to staff")

    page.click("a:has-text('Children')")
    page.fill("#name", "Jasmen Thackary")
    page.click("button:has-text('Search')")
    expect(page.locator("table")).to_contain_text("Jasmine Thackray")
