"""SEND plan details in a browser: consulting a school found by part of its
name and recording its reply (every fault first); then, on the final plan,
naming a second setting by UKPRN, the personal budget and residential code,
a placement and its leaving date, each from the request page's links."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.core.models import Establishment, User
from haven.people.models import Person
from haven.send import details_forms as forms
from haven.send import plans, services
from haven.send.models import EhcPlan, EhcRequest
from tests.browser.conftest import serious_accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
)


def _day(days: int) -> dt.date:
    return clock.today() - dt.timedelta(days=days)


def _to_issue(child: Person) -> EhcRequest:
    officer = User.objects.get(username="send-officer")
    request = services.record_request(
        child, received_on=_day(100), source="parent", by=officer
    )
    services.decide_assessment(request, decision="Y", on=_day(90), by=officer)
    return services.decide_plan(request, decision="Y", on=_day(50), by=officer)


@covers(forms.ConsultationForm, forms.ConsultationReplyForm)
def test_a_school_is_consulted_and_replies(page: Page, live_server, demo):
    school = Establishment.objects.create(urn=100011, name="Hilltop Primary School")
    request = _to_issue(scenes.child())
    sign_in(page, live_server.url, "send-officer")
    page.goto(f"{live_server.url}/send/requests/{request.pk}/")
    page.get_by_role("link", name="Consult a school or setting").click()
    press(page, "Record the consultation")
    expect_errors(
        page, "Enter the school's URN or name", "Enter the date the setting was asked"
    )
    page.fill("#id_school", "hilltop")
    fill_date(page, "asked_on", _day(45))
    press(page, "Record the consultation")
    expect_success(page, "Consultation recorded")
    page.get_by_role("link", name="Record the reply").click()
    press(page, "Save the reply")
    expect_errors(page, "Choose whether the setting can meet the child's needs")
    fill_date(page, "replied_on", _day(40))
    choose(page, "answer", "N")
    page.fill("#id_reply", "No places in the SEN unit this year.")
    press(page, "Save the reply")
    expect_success(page, "Reply recorded")
    expect(page.locator("#consultations")).to_contain_text("Cannot meet")
    assert serious_accessibility_violations(page) == []
    asked = request.consultations.get()
    assert (asked.establishment, asked.answer) == (school, "N")


def _issued(request: EhcRequest, school: Establishment) -> EhcPlan:
    officer = User.objects.get(username="send-officer")
    text = plans.PlanText(setting=school, primary_need="ASD")
    plan = plans.serve_draft(request, on=_day(40), text=text, by=officer)
    return plans.issue_plan(plan, on=_day(20), text=text, by=officer)


@covers(
    forms.NamedSettingForm,
    forms.ArrangementsForm,
    forms.PlacementForm,
    forms.LeavingForm,
)
def test_a_final_plans_settings_budget_and_placements(page: Page, live_server, demo):
    school = Establishment.objects.create(urn=100012, name="Riverside School")
    plan = _issued(_to_issue(scenes.child()), school)
    sign_in(page, live_server.url, "send-officer")
    page.goto(f"{live_server.url}/send/requests/{plan.request_id}/")

    page.get_by_role("link", name="Name a school or setting").click()
    choose(page, "rank", 2)
    page.fill("#id_ukprn", "10012345")
    page.check("#id_resourced")
    press(page, "Name the setting")
    expect_success(page, "Setting named")
    expect(page.locator("#named-settings")).to_contain_text("UKPRN 10012345")

    page.get_by_role("link", name="Record the personal budget and codes").click()
    choose(page, "direct_payment", "S")
    press(page, "Save")
    expect_errors(page, "A direct payment is part of a personal budget")
    page.check("#id_personal_budget")
    choose(page, "residential", "B")
    press(page, "Save")
    expect_success(page, "Personal budget and codes recorded")
    expect(page.locator("#plan-arrangements")).to_contain_text("RFC 1299")

    page.get_by_role("link", name="Record a placement").click()
    choose(page, "rank", 1)
    page.fill("#id_school", "100012")
    fill_date(page, "entered_on", _day(20))
    choose(page, "work_based", "S")
    press(page, "Record the placement")
    expect_success(page, "Placement recorded")
    page.get_by_role("link", name="Record leaving").click()
    fill_date(page, "left_on", _day(2))
    press(page, "Save the leaving date")
    expect_success(page, "Leaving date recorded")
    assert serious_accessibility_violations(page) == []
    placed = plan.placements.get()
    assert (placed.establishment, placed.work_based, placed.left_on) == (
        school,
        "S",
        _day(2),
    )
    assert plan.named_settings.get(rank=2).resourced
