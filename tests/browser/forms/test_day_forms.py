"""The forms of a worker's day filled in a browser: planning a visit from the
visits calendar, and cancelling it from the child's page."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.casework import day_forms
from haven.casework.models import PlannedVisit
from haven.core import clock
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import expect_errors, expect_success, fill_date, press


@covers(day_forms.PlanVisitForm)
def test_a_visit_is_planned_from_the_calendar(page: Page, live_server, demo):
    child = scenes.child()
    soon = clock.today() + dt.timedelta(days=2)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/casework/visits/")
    assert accessibility_violations(page) == []
    page.goto(f"{live_server.url}/casework/people/{child.pk}/visits/plan/")
    fill_date(page, "planned_for", clock.today() - dt.timedelta(days=1))
    press(page, "Plan the visit")
    expect_errors(page, "The date of a planned visit must be today or later")
    fill_date(page, "planned_for", soon)
    page.fill("#id_purpose", "See the children after school")
    assert accessibility_violations(page) == []
    press(page, "Plan the visit")

    expect_success(page, f"Visit to {child.full_name} planned")
    expect(page.locator("main")).to_contain_text("Visit planned: See the children")
    assert accessibility_violations(page) == []
    planned = PlannedVisit.objects.get(person=child)
    assert (planned.planned_for, planned.visitor.username) == (soon, "social-worker")


@covers(day_forms.CancelPlannedVisitForm)
def test_a_planned_visit_is_cancelled_from_the_childs_page(
    page: Page, live_server, demo
):
    from haven.casework.planning import plan_visit

    child = scenes.child()
    worker = scenes.staff("social-worker")
    soon = clock.today() + dt.timedelta(days=4)
    plan_visit(child, on=soon, visitor=worker, purpose="Review", by=worker)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/people/{child.pk}/")
    page.locator("#planned-visits").get_by_role("link", name="Cancel").click()
    press(page, "Cancel the visit")
    expect_errors(page, "Say why the visit is cancelled")
    page.fill("#id_reason", "The family is away that week")
    assert accessibility_violations(page) == []
    press(page, "Cancel the visit")

    expect_success(page, "Planned visit cancelled")
    assert PlannedVisit.objects.get(person=child).cancel_reason == (
        "The family is away that week"
    )
