"""Correcting a legal status and a period of care's dates in a browser, through
their real widgets: each refusal appears in the error summary, every one at
once, and the child's histories and SSDA903 episodes follow the correction."""

from playwright.sync_api import Page, expect

from haven.care import forms, moves, services
from haven.core.models import JournalEvent
from tests.browser.conftest import sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.test_care_forms import _day, _directory, _in_care
from tests.browser.forms.widgets import (
    expect_errors,
    expect_success,
    fill_date,
    press,
    select,
)


@covers(forms.CorrectLegalStatusForm)
def test_a_legal_status_is_corrected_with_a_reason(page: Page, live_server, demo):
    child = scenes.child()
    carer, _home = _directory()
    period = _in_care(child, carer)  # C2 from 90 days ago
    moves.change_legal_status(
        period, on=_day(40), code="E1", by=scenes.staff("social-worker")
    )
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role(
        "link", name=f"Correct the legal status from {_day(40):%-d %B %Y}"
    ).click()

    fill_date(page, "started_on", _day(95))
    select(page, "code", value="V3")
    press(page, "Save the correction")
    expect_errors(
        page,
        "Say why the legal status is being corrected",
        "would end on",
        "A short break (legal status V3 or V4)",
    )

    fill_date(page, "started_on", _day(45))
    select(page, "code", value="E1")
    page.fill("#id_why", "The placement order was made five days earlier")
    press(page, "Save the correction")
    expect_success(page, "Legal status corrected")
    first, second = period.legal_statuses.order_by("started_on")
    assert (first.ended_on, second.started_on) == (_day(45), _day(45))
    expect(page.locator(f"#episodes-{period.pk}")).to_contain_text(
        f"{_day(45):%d/%m/%Y}"
    )
    event = JournalEvent.objects.get(person=child, type="care.legal_status_corrected")
    assert event.reason == "The placement order was made five days earlier"


@covers(forms.CorrectPeriodForm)
def test_a_period_of_care_s_dates_are_corrected(page: Page, live_server, demo):
    child = scenes.child()
    carer, _home = _directory()
    worker = scenes.staff("social-worker")
    period = _in_care(child, carer)  # from 90 days ago
    services.end_period_of_care(period, on=_day(10), reason="E4A", by=worker)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role(
        "link",
        name=f"Correct the dates of the period of care from {_day(90):%-d %B %Y}",
    ).click()

    fill_date(page, "started_on", _day(3))
    fill_date(page, "ended_on", _day(5))
    select(page, "reason_ended", value="")
    press(page, "Save the correction")
    expect_errors(
        page,
        "Say why the period of care is being corrected",
        "The period of care must end after the day it started",
        "Choose the reason the child ceased to be looked after",
    )

    fill_date(page, "started_on", _day(92))
    fill_date(page, "ended_on", _day(8))
    select(page, "reason_ended", value="E13")
    page.fill("#id_why", "Dates and reason taken from the court's letters")
    press(page, "Save the correction")
    expect_success(page, "Period of care corrected")
    period.refresh_from_db()
    assert (period.started_on, period.ended_on, period.reason_ended) == (
        _day(92),
        _day(8),
        "E13",
    )
    (placement,) = period.placements.all()
    assert (placement.started_on, placement.ended_on) == (_day(92), _day(8))
    expect(page.locator(f"#episodes-{period.pk}")).to_contain_text("E13")
