"""Notifications in a browser: the header's count, the list, following one to
what it is about, and marking them read one by one and all at once."""

from playwright.sync_api import Page, expect

from haven.core.models import User
from haven.core.services import break_glass
from haven.notifications.models import Notification
from tests.browser.conftest import accessibility_violations, sideways_scrolling, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import expect_success, press

BADGE = "#header-notifications .moj-notification-badge"


def _no_violations(page: Page) -> None:
    for width in (1200, 320):
        page.set_viewport_size({"width": width, "height": 900})
        assert accessibility_violations(page) + sideways_scrolling(page) == []
    page.set_viewport_size({"width": 1200, "height": 900})


@covers("notifications/list.html")
def test_a_worker_reads_her_notifications_and_marks_them_read(
    page: Page, live_server, demo
):
    # Her manager allocates her three siblings; a colleague in another team
    # opens the eldest's record out of hours.
    children = scenes.siblings()
    outsider = User.objects.filter(
        groups__name="Social worker", team__name="Children in Care Team"
    ).first()
    break_glass(children[-1], reason="Police called out of hours", by=outsider)
    worker = User.objects.get(username="social-worker")
    unread = Notification.objects.filter(recipient=worker, read_at__isnull=True)
    count = unread.count()
    assert count >= 4
    sign_in(page, live_server.url, "social-worker")
    expect(page.locator(BADGE)).to_have_text(f"{count} unread")
    _no_violations(page)

    page.click("#header-notifications")
    expect(page.locator("h1")).to_have_text("Notifications")
    rows = page.locator("#notifications tbody tr")
    expect(rows.first).to_contain_text("with temporary access")
    _no_violations(page)

    rows.first.get_by_role("button", name="Mark as read").click()
    expect_success(page, "Notification marked as read")
    expect(page.locator(BADGE)).to_have_text(f"{count - 1} unread")
    assert unread.count() == count - 1

    press(page, "Mark all as read")
    expect_success(page, f"{count - 1} notifications marked as read")
    expect(page.locator(BADGE)).to_have_count(0)
    expect(page.locator("#notifications")).not_to_contain_text("New")
    _no_violations(page)

    link = page.locator("#notifications tbody tr a").first
    name = link.inner_text().split(" opened ")[1].split("'s record")[0]
    link.click()
    expect(page.locator("h1")).to_contain_text(name)
