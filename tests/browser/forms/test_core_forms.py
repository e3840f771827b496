"""Signing in and out, and break-glass access, in a browser."""

from playwright.sync_api import Page, expect

from haven.core.forms import ChangePasswordForm, LoginForm
from haven.core.models import BreakGlass, User
from haven.demo.staff import DEMO_PASSWORD
from tests.browser.conftest import sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import expect_errors, expect_success, press


@covers(LoginForm, "base.html")
def test_a_worker_signs_in_after_a_wrong_password_and_signs_out(
    page: Page, live_server, demo
):
    before = User.objects.get(username="social-worker").last_login
    page.goto(f"{live_server.url}/sign-in/")
    page.fill("#id_username", "social-worker")
    page.fill("#id_password", "not-the-password")
    press(page, "Sign in")

    expect_errors(page, "Enter a correct username and password")
    expect(page.locator("#id_username")).to_have_value("social-worker")
    page.fill("#id_password", DEMO_PASSWORD)
    press(page, "Sign in")

    worker = User.objects.get(username="social-worker")
    expect(page.locator("header")).to_contain_text(worker.get_full_name())
    assert worker.last_login is not None and worker.last_login != before

    press(page, "Sign out")
    expect(page.locator("h1")).to_have_text("Sign in to Haven")
    page.goto(f"{live_server.url}/work/")
    expect(page.locator("h1")).to_have_text("Sign in to Haven")


@covers("core/record/break_glass.html")
def test_a_worker_opens_a_record_with_break_glass(page: Page, live_server, demo):
    child = scenes.child()  # held by the assessment team
    outsider = User.objects.filter(
        groups__name="Social worker", team__name="Children in Care Team"
    ).first()
    assert outsider is not None
    sign_in(page, live_server.url, outsider.username)
    page.goto(f"{live_server.url}/people/{child.pk}/break-glass/")
    page.fill("#reason", "Police called out of hours about this child.")
    press(page, "Open the record")

    expect_success(page, "You have temporary access")
    glass = BreakGlass.objects.get(person=child, user=outsider)
    assert glass.reason == "Police called out of hours about this child."
    expect(page.locator("h1")).to_contain_text(child.given_name)


@covers(ChangePasswordForm)
def test_a_worker_changes_their_password_from_the_header(page: Page, live_server, demo):
    sign_in(page, live_server.url, "social-worker")
    page.click("header a:has-text('Change password')")
    expect(page.locator("h1")).to_have_text("Change your password")
    page.get_by_label("Current password").fill("not-the-password")
    page.get_by_label("New password", exact=True).fill("password123")
    page.get_by_label("Confirm your new password").fill("password1234")
    press(page, "Change password")

    expect_errors(
        page, "Your current password is not right", "Enter the same new password"
    )
    page.get_by_label("Current password").fill(DEMO_PASSWORD)
    page.get_by_label("New password", exact=True).fill("kettle orbit meadow lantern")
    page.get_by_label("Confirm your new password").fill("kettle orbit meadow lantern")
    press(page, "Change password")

    expect_success(page, "Your password has been changed")
    assert User.objects.get(username="social-worker").check_password(
        "kettle orbit meadow lantern"
    )
