"""Statutory visits to a looked-after child in a browser, through the forms'
real widgets: the first visit due after a placement is made through the visit
note, and the next falls due from the engine; a request for a visit and a
child's agreement to fewer visits are recorded; and each form's refusals
appear in the error summary."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care import providers
from haven.care.models import FewerVisitsAgreement, PeriodOfCare, VisitRequest
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.care.visits import forms
from haven.core import clock
from haven.people.models import Person
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
)


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _in_care(child: Person, days: int) -> PeriodOfCare:
    """Looked after for `days`, placed with parents (no provider needed)."""
    details = PlacementDetails("P1", address_line_1="1 Home Street", postcode="LS6 1AA")
    scenes.in_need(child, _day(days))
    return start_period_of_care(
        child,
        on=_day(days),
        need="N1",
        legal_status="C2",
        placement=details,
        by=scenes.staff("social-worker"),
    )


def test_the_first_visit_is_recorded_and_the_next_falls_due(
    page: Page, live_server, demo
):
    child = scenes.child()
    _in_care(child, 3)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    first_due = _day(3) + dt.timedelta(days=7)
    expect(page.locator("#next-visit")).to_contain_text(
        f"Next visit by {first_due:%-d %B %Y}"
    )
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Record a statutory visit").click()
    fill_date(page, "occurred_on", _day(1))
    page.fill("#id_occurred_time", "16:00")
    choose(page, "statutory_visit", "yes")
    choose(page, "visit_place", "placement")
    choose(page, "announced", "yes")
    choose(page, "bedroom_seen", "yes")
    choose(page, f"seen_{child.pk}", "yes")
    choose(page, f"alone_{child.pk}", "yes")
    page.fill("#id_subject", "First visit in the new placement")
    page.fill("#id_body", "Settling in; showed me her room.")
    press(page, "Save")
    expect_success(page, "Note recorded")
    page.goto(f"{base}/people/{child.pk}/")
    then = _day(1) + dt.timedelta(weeks=6)
    expect(page.locator("#next-visit")).to_contain_text(
        f"Next visit by {then:%-d %B %Y}"
    )
    expect(page.locator("#visits")).to_contain_text("1 Home Street")


@covers(forms.VisitRequestForm)
def test_a_request_for_a_visit_is_refused_then_recorded(page: Page, live_server, demo):
    child = scenes.child()
    period = _in_care(child, 30)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="Record a request for a visit").click()
    fill_date(page, "requested_on", _day(40))
    press(page, "Record the request")
    expect_errors(
        page,
        "Choose who asked for the visit",
        "Say what was asked for, and why",
        "The child was not looked after on that day",
    )
    fill_date(page, "requested_on", _day(2))
    choose(page, "asked_by", "carer")
    page.fill("#id_details", "Carer worried about contact arrangements")
    press(page, "Record the request")
    expect_success(page, "Request for a visit recorded")
    request = VisitRequest.objects.get(period=period)
    assert (request.requested_on, request.asked_by) == (_day(2), "carer")
    expect(page.locator("#visit-requests")).to_contain_text("their carer")


def _long_term(child: Person) -> PeriodOfCare:
    """In a long-term foster placement (U4) for more than a year."""
    manager = scenes.staff("social-worker").team.managers.get()
    service = providers.add_provider(
        providers.ProviderDetails(
            "Haven Fostering Service", "la_fostering", "PR1", ofsted_urn="SC900001"
        ),
        registration="registered",
        since=_day(3000),
        by=manager,
    )
    carer = providers.approve_carer(
        scenes.registered("Maureen", _day(20000)),
        provider=service,
        approved_on=_day(2000),
        connected_person=False,
        by=manager,
    )
    scenes.in_need(child, _day(400))
    return start_period_of_care(
        child,
        on=_day(400),
        need="N1",
        legal_status="C2",
        placement=PlacementDetails(
            "U4", carer_id=carer.pk, address_line_1="7 Ash Grove", postcode="LS6 1AA"
        ),
        by=scenes.staff("social-worker"),
    )


@covers(forms.FewerVisitsForm)
def test_a_child_agrees_to_fewer_visits(page: Page, live_server, demo):
    child = scenes.child()
    period = _long_term(child)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role(
        "link", name="Record the child's agreement to fewer visits"
    ).click()
    fill_date(page, "agreed_on", _day(100))
    press(page, "Record the agreement")
    expect_errors(
        page,
        "Write what the child said, in their words",
        "once it has lasted a year",
    )
    fill_date(page, "agreed_on", _day(5))
    page.fill("#id_views", "I'm happy here and don't need so many visits.")
    press(page, "Record the agreement")
    expect_success(page, "Agreement to fewer visits recorded")
    agreement = FewerVisitsAgreement.objects.get(placement__period=period)
    assert agreement.agreed_on == _day(5)
    expect(page.locator("#fewer-visits")).to_contain_text("agreed to fewer visits")
