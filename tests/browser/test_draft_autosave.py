"""The note page in a real browser: one draft per worker, child and form, kept as
the worker types and as the page closes, resumed when the form is opened again,
and gone from My work once the note is saved."""

import time

from django.db import OperationalError
from playwright.sync_api import Page, expect

from haven.casework.models import Draft
from haven.core.models import Allocation
from tests.browser.conftest import serious_accessibility_violations, sign_in


def _a_child_and_worker_without_a_draft():
    allocations = Allocation.objects.filter(
        ended_on__isnull=True, worker__isnull=False
    ).select_related("worker", "person")
    for allocation in allocations:
        if not Draft.objects.filter(
            author=allocation.worker, person=allocation.person
        ).exists():
            return allocation.person, allocation.worker
    raise AssertionError("the demo has no allocated child without a draft")


def _eventually(find, seconds=20.0):
    """What find() returns once it is truthy: the beacon lands after the page
    goes, and on a loaded 2-core machine it has taken over 5 seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if found := find():
                return found
        except OperationalError:
            # The test database is SQLite in memory, shared with the live
            # server's threads: a read while it writes is refused, not queued.
            pass
        time.sleep(0.1)
    return find()


def test_text_typed_as_the_page_closes_is_kept_and_the_form_resumes_it(
    page: Page, live_server, demo
):
    child, worker = _a_child_and_worker_without_a_draft()
    sign_in(page, live_server.url, worker.username)
    page.goto(f"{live_server.url}/casework/people/{child.pk}/")
    page.click("text=Record a home visit")
    page.get_by_label("Phone call").check()
    page.fill("#id_subject", "Call typed in the browser")
    page.fill("#id_occurred_time", "09:15")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved at")
    # The last words, then the tab closes at once: before any debounce has run.
    page.locator("#id_body").press_sequentially("Mum rang back at last")
    context = page.context
    page.close()

    def kept():
        return Draft.objects.filter(
            author=worker, person=child, fields__body=["Mum rang back at last"]
        ).first()

    assert _eventually(kept), "what was typed as the page closed was lost"
    assert Draft.objects.filter(author=worker, person=child).count() == 1

    context.clear_cookies()  # a new session, as after closing the browser
    again = context.new_page()
    sign_in(again, live_server.url, worker.username)
    again.goto(f"{live_server.url}/casework/people/{child.pk}/")
    again.click("text=Record a home visit")
    expect(again.get_by_text("You have a draft from")).to_be_visible()
    expect(again.locator("#id_body")).to_have_value("Mum rang back at last")
    expect(again.locator("#id_subject")).to_have_value("Call typed in the browser")
    expect(again.get_by_label("Phone call")).to_be_checked()
    expect(again.get_by_label("Visit", exact=True)).not_to_be_checked()
    expect(again.locator("#id_occurred_time")).to_have_value("09:15")
    assert serious_accessibility_violations(again) == []


def test_a_radio_click_keeps_one_draft_and_saving_takes_it_off_my_work(
    page: Page, live_server, demo
):
    child, worker = _a_child_and_worker_without_a_draft()
    sign_in(page, live_server.url, worker.username)
    form = f"{live_server.url}/casework/people/{child.pk}/notes/new/?kind=visit"
    page.goto(form)
    page.fill("#id_subject", "Visit in the browser")
    page.locator("#id_body").press_sequentially("Saw the children in the garden.")
    assert _eventually(
        lambda: Draft.objects.filter(
            author=worker, fields__body=["Saw the children in the garden."]
        ).exists()
    ), "the autosave did not run after a pause in typing"

    page.goto(form)  # opened again, as from the notes page
    expect(page.get_by_text("You have a draft from")).to_be_visible()
    with page.expect_response("**/casework/autosave/"):
        page.get_by_label("Meeting", exact=True).check()
    assert Draft.objects.filter(author=worker, person=child).count() == 1

    page.goto(f"{live_server.url}/work/")
    rows = page.get_by_text("Finish or discard your draft: Visit in the browser")
    expect(rows).to_have_count(1)

    page.goto(form)
    page.get_by_label("Visit", exact=True).check()
    # A visit says whether it was statutory, where, announced and the bedroom.
    for name, value in (
        ("statutory_visit", "yes"),
        ("visit_place", "home"),
        ("announced", "yes"),
        ("bedroom_seen", "not_applicable"),
        (f"seen_{child.pk}", "yes"),
        (f"alone_{child.pk}", "yes"),
    ):
        page.check(f"input[name={name}][value={value}]")
    page.click("button:has-text('Save and record another')")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Note recorded")
    expect(page.get_by_text("You have a draft from")).to_have_count(0)
    page.goto(f"{live_server.url}/work/")
    expect(page.get_by_text("Finish or discard your draft: Visit")).to_have_count(0)
    assert not Draft.objects.filter(author=worker, person=child).exclude(fields={})
