"""The note page in a real browser: htmx saves a draft as the worker types, and
the draft survives signing out and reopens from the drafts list."""

from playwright.sync_api import Page, expect

from haven.casework.models import Draft
from haven.core.models import Allocation
from tests.browser.conftest import serious_accessibility_violations, sign_in


def test_a_draft_is_saved_as_the_worker_types(page: Page, live_server, demo):
    allocation = (
        Allocation.objects.filter(ended_on__isnull=True, worker__isnull=False)
        .select_related("worker")
        .first()
    )
    assert allocation is not None and allocation.worker is not None
    worker = allocation.worker.username
    sign_in(page, live_server.url, worker)
    page.goto(
        f"{live_server.url}/casework/people/{allocation.person_id}/notes/new/?kind=visit"
    )
    page.fill("#id_subject", "Visit typed in the browser")
    page.locator("#id_body").press_sequentially("Mum answered the door")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved at")
    page.wait_for_timeout(1500)  # the keyup trigger waits a second after typing
    assert serious_accessibility_violations(page) == []
    draft = Draft.objects.get(fields__subject=["Visit typed in the browser"])
    assert draft.fields["body"] == ["Mum answered the door"]

    page.locator("#id_body").press_sequentially(" and let me in.")
    expect(page.locator("#draft-id")).to_have_value(str(draft.pk))
    page.wait_for_timeout(1500)
    assert (
        Draft.objects.filter(fields__subject=["Visit typed in the browser"]).count()
        == 1
    )
    draft.refresh_from_db()
    assert draft.fields["body"] == ["Mum answered the door and let me in."]

    page.context.clear_cookies()
    sign_in(page, live_server.url, worker)
    page.goto(f"{live_server.url}/casework/drafts/")
    page.click("a:has-text('Visit typed in the browser')")
    expect(page.locator("#id_body")).to_have_value(
        "Mum answered the door and let me in."
    )
    page.click("button:has-text('Save and record another')")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Note recorded")
    assert not Draft.objects.filter(pk=draft.pk).exists()
