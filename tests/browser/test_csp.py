"""The Content-Security-Policy holds in a real browser: the pages that run
Haven's scripts (GOV.UK Frontend, htmx, the draft autosave, the API docs, the
admin) work under it without one violation reported. Every other page each role
reaches is watched for violations by test_every_page_accessible.py."""

from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, expect

from haven.core.models import Allocation, User
from tests.browser.conftest import sign_in, violations, watched


def test_a_worker_s_pages_report_no_policy_violation(
    browser: Browser, live_server, demo
):
    allocation = (
        Allocation.objects.filter(ended_on__isnull=True, worker__isnull=False)
        .select_related("worker")
        .first()
    )
    page, console = watched(browser)
    page.goto(f"{live_server.url}/sign-in/")
    assert violations(page, console) == []
    sign_in(page, live_server.url, allocation.worker.username)
    expect(page.locator("h1")).to_be_visible()
    assert violations(page, console) == []
    pages = [
        f"/people/{allocation.person_id}/",
        f"/casework/people/{allocation.person_id}/",
        f"/casework/people/{allocation.person_id}/notes/new/",
        "/password/",
        "/api/docs/",
    ]
    for path in pages:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert violations(page, console) == [], path
    # The API docs drew themselves from the script served at its own URL.
    expect(page.locator(".swagger-ui").first).to_be_visible()
    page.context.close()


def test_the_note_form_autosaves_under_the_policy(browser: Browser, live_server, demo):
    allocation = (
        Allocation.objects.filter(ended_on__isnull=True, worker__isnull=False)
        .select_related("worker")
        .first()
    )
    page, console = watched(browser)
    sign_in(page, live_server.url, allocation.worker.username)
    page.goto(f"{live_server.url}/casework/people/{allocation.person_id}/notes/new/")
    page.fill("#id_subject", "Typed under the policy")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved at")
    assert violations(page, console) == []
    page.context.close()


def test_the_admin_reports_no_policy_violation(browser: Browser, live_server, demo):
    page, console = watched(browser)
    sign_in(page, live_server.url, "administrator")
    for path in ["/admin/", "/admin/core/user/", "/admin/core/signinlock/"]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert violations(page, console) == [], path
    page.context.close()


def test_multi_factor_pages_report_no_policy_violation(
    browser: Browser, live_server, demo, settings
):
    """The QR code is an SVG drawn in the page, with no inline style."""
    settings.HAVEN_REQUIRE_MFA = True
    page, console = watched(browser)
    sign_in(page, live_server.url, "social-worker")
    expect(page.locator("svg.haven-qr")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == []
    worker = User.objects.get(username="social-worker")
    TOTPDevice.objects.create(user=worker, name="Authenticator app")
    page.goto(f"{live_server.url}/sign-in/code/")
    expect(page.locator("h1")).to_have_text("Enter your security code")
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == []
    page.context.close()
