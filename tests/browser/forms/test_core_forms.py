"""Signing in and out, and break-glass access, in a browser."""

import base64

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from haven.core import mfa
from haven.core.forms import (
    ChangePasswordForm,
    LoginForm,
    SetUpAppForm,
    SignInCodeForm,
)
from haven.core.models import BreakGlass, User
from haven.demo.staff import DEMO_PASSWORD
from tests.browser.conftest import (
    accessibility_violations,
    sideways_scrolling,
    sign_in,
)
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


@covers("people/record/break_glass.html")
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
    page.click("header a:has-text('Your account')")
    page.click("main a:has-text('Change your password')")
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


def _code(key: bytes) -> str:
    return f"{totp(key):06d}"


def _give_app(username: str) -> TOTPDevice:
    user = User.objects.get(username=username)
    return TOTPDevice.objects.create(user=user, name=mfa.APP_NAME)


@covers(SetUpAppForm)
def test_a_worker_must_set_up_an_app_and_is_shown_recovery_codes_once(
    page: Page, live_server, demo, settings
):
    settings.HAVEN_REQUIRE_MFA = True
    sign_in(page, live_server.url, "social-worker")
    expect(page.locator("h1")).to_have_text("Set up an authenticator app")
    expect(page.locator("svg.haven-qr")).to_be_visible()
    for width in (1200, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert accessibility_violations(page) + sideways_scrolling(page) == []
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(f"{live_server.url}/people/")  # nothing else opens yet
    expect(page.locator("h1")).to_have_text("Set up an authenticator app")

    # Typed in by hand, as from the key shown for an app that cannot scan.
    key = base64.b32decode(page.locator("#secret").inner_text().replace(" ", ""))
    page.get_by_label("Code from your app").fill("12345")
    press(page, "Confirm")
    expect_errors(page, "The code is not right")
    page.get_by_label("Code from your app").fill(_code(key))
    press(page, "Confirm")

    expect(page.locator("h1")).to_have_text("Your recovery codes")
    expect(page.locator(".govuk-warning-text")).to_contain_text("only time")
    expect(page.locator(".haven-recovery-codes li")).to_have_count(10)
    assert accessibility_violations(page) == []
    page.click("a:has-text('I have kept my recovery codes')")
    worker = User.objects.get(username="social-worker")
    expect(page.locator("header")).to_contain_text(worker.get_full_name())
    assert TOTPDevice.objects.get(user=worker).bin_key == key
    page.goto(f"{live_server.url}/account/security/recovery-codes/")
    expect(page.locator("h1")).to_have_text("Account security")


@covers(SignInCodeForm)
def test_a_worker_signs_in_with_a_code_and_then_a_recovery_code(
    page: Page, live_server, demo
):
    device = _give_app("social-worker")
    recovery = mfa.replace_recovery_codes(device.user)
    sign_in(page, live_server.url, "social-worker")
    expect(page.locator("h1")).to_have_text("Enter your security code")
    assert accessibility_violations(page) == []
    page.get_by_label("Security code").fill("000000")
    press(page, "Continue")
    expect_errors(page, "The code is not right")
    page.get_by_label("Security code").fill(_code(device.bin_key))
    press(page, "Continue")
    expect(page.locator(".govuk-caption-l")).to_contain_text("Social worker")

    press(page, "Sign out")
    sign_in(page, live_server.url, "social-worker")
    page.click("summary:has-text('If you do not have your app')")
    page.get_by_label("Security code").fill(recovery[0])
    press(page, "Continue")
    expect(page.locator(".govuk-caption-l")).to_contain_text("Social worker")
    assert mfa.recovery_codes_left(device.user) == 9


@covers("core/account_security.html")
def test_a_worker_makes_new_recovery_codes_from_account_security(
    page: Page, live_server, demo
):
    device = _give_app("team-manager")
    old = mfa.replace_recovery_codes(device.user)
    sign_in(page, live_server.url, "team-manager")
    page.get_by_label("Security code").fill(_code(device.bin_key))
    press(page, "Continue")
    page.click("header a:has-text('Your account')")
    expect(page.locator("h1")).to_have_text("Account security")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Set up on")
    press(page, "Make new recovery codes")

    expect(page.locator("h1")).to_have_text("Your recovery codes")
    shown = page.locator(".haven-recovery-codes code").all_inner_texts()
    assert len(shown) == 10 and not set(shown) & set(old)
    assert mfa.recovery_codes_left(device.user) == 10
