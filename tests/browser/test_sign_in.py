import pytest
from playwright.sync_api import Page, expect

from haven.core.roles import ROLES
from haven.demo.staff import demo_logins
from tests.browser.conftest import serious_accessibility_violations, sign_in


def test_each_role_signs_in_and_sees_its_home_page(page: Page, live_server, demo):
    logins = demo_logins()
    assert {login.role for login in logins} == {role.name for role in ROLES}
    for login in logins:
        sign_in(page, live_server.url, login.username)
        expect(page.locator(".govuk-caption-l")).to_contain_text(login.role)
        expect(page.locator("#main-content")).to_contain_text(login.team)
        page.click("button:has-text('Sign out')")
        expect(page.locator("h1")).to_have_text("Sign in to Haven")


def test_a_wrong_password_is_explained_and_focus_moves_to_the_summary(
    page: Page, live_server, demo
):
    page.goto(f"{live_server.url}/sign-in/")
    page.fill("#id_username", "social-worker")
    page.fill("#id_password", "wrong")
    page.click("button:has-text('Sign in')")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a correct username and password")
    expect(summary).to_be_focused()


@pytest.mark.parametrize("username", ["social-worker", "team-manager", "administrator"])
def test_sign_in_and_home_pages_have_no_serious_accessibility_violations(
    page: Page, live_server, demo, username
):
    page.goto(f"{live_server.url}/sign-in/")
    assert serious_accessibility_violations(page) == []
    sign_in(page, live_server.url, username)
    expect(page.locator("h1")).to_be_visible()
    assert serious_accessibility_violations(page) == []


def test_the_child_page_shows_the_identity_bar(page: Page, live_server, demo):
    sign_in(page, live_server.url, "social-worker")
    page.click("a:has-text('Children')")
    page.locator("table a").first.click()
    expect(page.locator(".moj-identity-bar")).to_contain_text("Born")
    assert serious_accessibility_violations(page) == []
