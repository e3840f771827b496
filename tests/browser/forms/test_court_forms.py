"""Court records in a browser, through the forms' real widgets: care
proceedings are refused first with every fault named, then recorded, the 26
weeks' end shown on the child's Court section; an extension moves that date
and the decision is recorded; an emergency protection order recorded for a
looked-after child changes their legal status, and its end, with the child's
care ending for the reason chosen, is recorded; the section and the forms pass
axe."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.court import forms
from haven.care.models import (
    CourtOrder,
    LegalStatus,
    PeriodOfCare,
    Proceedings,
    Provider,
)
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.core import clock
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
    select,
)


@covers(forms.ProceedingsForm, forms.ExtensionForm, forms.DisposalForm)
def test_care_proceedings_are_issued_extended_and_decided(
    page: Page, live_server, demo
):
    person = scenes.child()
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{person.pk}/")
    page.get_by_role("link", name="Record court proceedings").click()
    assert accessibility_violations(page) == []
    press(page, "Record the proceedings")
    expect_errors(
        page,
        "Choose what the application is for",
        "Enter the date the application was issued",
        "Enter the court",
    )
    issued = clock.today() - dt.timedelta(days=20)
    choose(page, "kind", "care")
    fill_date(page, "issued_on", issued)
    page.fill("#id_court", "Leeds Family Court")
    page.fill("#id_case_number", "LS26C00123")
    press(page, "Record the proceedings")
    expect_success(page, "Proceedings recorded")
    case = Proceedings.objects.get(person=person)
    due = issued + dt.timedelta(days=181)
    expect(page.locator("#court")).to_contain_text(f"{due:%-d %B %Y} (CRT-26W)")
    assert accessibility_violations(page) == []

    page.get_by_role("link", name="Record an extension").click()
    assert accessibility_violations(page) == []
    press(page, "Record the extension")
    expect_errors(
        page,
        "Enter the weeks the court extended by",
        "Say why the court extended",
        "Enter the date it was extended",
    )
    select(page, "weeks", label="6")
    fill_date(page, "granted_on", clock.today() - dt.timedelta(days=2))
    page.fill("#id_reason", "The parenting assessment needs more time.")
    press(page, "Record the extension")
    expect_success(page, "Extension recorded")
    later = due + dt.timedelta(weeks=6)
    expect(page.locator("#court")).to_contain_text(f"{later:%-d %B %Y} (CRT-26W)")

    page.get_by_role("link", name="Record the decision").click()
    assert accessibility_violations(page) == []
    press(page, "Record the decision")
    expect_errors(page, "Choose how it was decided", "Enter the date it was decided")
    fill_date(page, "on", clock.today() - dt.timedelta(days=1))
    choose(page, "outcome", "withdrawn")
    press(page, "Record the decision")
    expect_success(page, "Decision recorded")
    case.refresh_from_db()
    assert case.outcome == "withdrawn"
    expect(page.locator(f"#proceedings-{case.pk}")).to_contain_text("withdrawn")


@covers(forms.OrderForm, forms.DischargeForm)
def test_an_order_sets_the_legal_status_and_its_end_is_recorded(
    page: Page, live_server, demo
):
    person = scenes.child()
    worker = scenes.staff("social-worker")
    started = clock.today() - dt.timedelta(days=10)
    scenes.in_need(person, started)
    start_period_of_care(
        person,
        on=started,
        need="N1",
        legal_status="V2",
        placement=PlacementDetails(
            "K2", provider_id=Provider.objects.get(name="Larchfield House").pk
        ),
        by=worker,
    )
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{person.pk}/")
    page.get_by_role("link", name="Record an order").click()
    assert accessibility_violations(page) == []
    press(page, "Record the order")
    expect_errors(page, "Choose the order", "Enter the date the order was made")
    made = clock.today() - dt.timedelta(days=3)
    choose(page, "kind", "epo")
    fill_date(page, "made_on", made)
    page.fill("#id_court", "Leeds Family Court")
    fill_date(page, "ends_on", made + dt.timedelta(days=8))
    press(page, "Record the order")
    expect_success(page, "Order recorded")
    order = CourtOrder.objects.get(person=person)
    status = LegalStatus.objects.filter(period__person=person).last()
    assert status is not None and (status.code, status.order) == ("L2", order)
    expect(page.locator("#court-orders")).to_contain_text("Emergency protection order")
    assert accessibility_violations(page) == []

    page.get_by_role("link", name="Record its end").click()
    assert accessibility_violations(page) == []
    press(page, "Record the end")
    expect_errors(
        page,
        "Enter the date the order ended",
        "Say what happened to the child's care when the order ended",
    )
    fill_date(page, "on", clock.today())
    choose(page, "follows", "care_ends")
    press(page, "Record the end")
    expect_errors(page, "Choose why the child's care ended")
    choose(page, "follows", "care_ends")
    select(page, "reason", value="E4A")
    press(page, "Record the end")
    expect_success(page, "End of the order recorded")
    order.refresh_from_db()
    assert order.discharged_on == clock.today()
    period = PeriodOfCare.objects.get(person=person)
    assert (period.ended_on, period.reason_ended) == (clock.today(), "E4A")
