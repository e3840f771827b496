"""A plan's changes in a browser: a plan taken on from another authority, a
coming transfer, the amendments naming the next school and the amended plan,
a tribunal appeal with its order carried out, a mediation, then the plan
ceased on moving away; and an open request passed to another authority."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.core.models import Establishment
from haven.send import plans, services
from haven.send.changes import forms, transfers
from haven.send.models import EhcPlan, EhcRequest
from haven.timescales.catalogue import rule
from tests.browser.conftest import serious_accessibility_violations, sign_in
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


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _link(page: Page, words: str) -> None:
    page.get_by_role("link", name=words).first.click()


@covers(
    forms.TransferInForm,
    forms.PhaseTransferForm,
    forms.AmendmentForm,
    forms.AmendedPlanForm,
)
def test_a_plan_taken_on_then_amended_for_a_transfer(page: Page, live_server, demo):
    child = scenes.child()
    school = Establishment.objects.create(urn=100001, name="Hilltop Primary School")
    high = Establishment.objects.create(urn=100002, name="Hill High School")
    sign_in(page, live_server.url, "send-officer")
    page.goto(f"{live_server.url}/send/")
    _link(page, "Take on a plan from another local authority")
    press(page, "Take on the plan")
    expect_errors(page, "Enter the child's Haven ID", "Enter the previous authority's")
    page.fill("#id_child", str(child.pk))
    page.fill("#id_previous_la", "202")
    fill_date(page, "on", _day(100))
    page.fill("#id_urn", str(school.urn))
    select(page, "primary_need", value="ASD")
    press(page, "Take on the plan")
    expect_success(page, "Plan transferred in")
    plan = EhcPlan.objects.get(person=child)
    assert (plan.issued_on, plan.request.transfer_in.previous_la) == (_day(100), "202")

    page.goto(f"{live_server.url}/send/requests/{plan.request_id}/")
    _link(page, "Record a coming transfer")
    choose(page, "phase", "primary")
    deadline = rule("SEN-PHASE").deadline
    assert deadline is not None
    page.fill("#id_transfer_year", str(deadline.due_from(_day(20)).year))
    fill_date(page, "on", _day(20))
    press(page, "Record the transfer")
    expect_success(page, "Transfer recorded")
    expect(page.locator("#plan-changes")).to_contain_text("Next school to be named by")

    _link(page, "Propose amendments")
    page.fill("#id_proposed", "Section I: Hill High School from September.")
    fill_date(page, "sent_on", _day(16))
    press(page, "Send the amendments")
    expect_success(page, "Proposed amendments sent")
    _link(page, "Issue the amended plan")
    press(page, "Issue the amended plan")
    expect_errors(
        page,
        "Enter the date the amended plan was issued",
        "Say what changed in the plan",
        "Name the next school or institution for the coming transfer",
    )
    assert serious_accessibility_violations(page) == []
    fill_date(page, "on", _day(0))
    page.fill("#id_changes", "Names Hill High School")
    page.fill("#id_urn", str(high.urn))
    page.fill("#id_section_i", "Hill High School")
    press(page, "Issue the amended plan")
    expect_success(page, "Amended plan issued")
    expect(page.locator("#plan-changes")).to_contain_text("Hill High School")
    plan.refresh_from_db()
    assert plan.section_i == "Hill High School"
    assert plan.transfers.get().named == high


@covers(
    forms.AppealForm,
    forms.AppealDecisionForm,
    forms.ComplianceForm,
    forms.MediationForm,
    forms.CeaseForm,
    forms.ExportForm,
)
def test_an_appeal_a_mediation_ceasing_and_a_request_passed_on(
    page: Page, live_server, demo
):
    child, other = scenes.siblings(count=2)
    officer = scenes.staff("send-officer")
    school = Establishment.objects.create(urn=100001, name="Hilltop Primary School")
    text = plans.PlanText(setting=school, primary_need="ASD")
    plan = transfers.transfer_in(
        child, previous_la="202", transferred_on=_day(100), text=text, by=officer
    )
    sign_in(page, live_server.url, "send-officer")
    page.goto(f"{live_server.url}/send/requests/{plan.request_id}/")
    _link(page, "Record an appeal to the tribunal")
    press(page, "Save the appeal")
    expect_errors(page, "Choose the decision disputed", "Enter the date it was")
    choose(page, "disputed", "content")
    fill_date(page, "registered_on", _day(60))
    fill_date(page, "hearing_on", _day(20))
    press(page, "Save the appeal")
    expect_success(page, "Appeal recorded")
    _link(page, "Record the decision")
    fill_date(page, "decided_on", _day(10))
    choose(page, "outcome", "order")
    select(page, "order_type", value="amend")
    page.fill("#id_order", "Amend section F: weekly speech therapy")
    press(page, "Save the decision")
    expect_success(page, "Tribunal decision recorded")
    _link(page, "Record the order carried out")
    fill_date(page, "complied_on", _day(5))
    press(page, "Save")
    expect_success(page, "Order carried out")
    expect(page.locator("#disputes")).to_contain_text("Order carried out")

    _link(page, "Record a mediation")
    choose(page, "disputed", "content")
    fill_date(page, "started_on", _day(90))
    fill_date(page, "ended_on", _day(70))
    choose(page, "outcome", "not_agreed")
    press(page, "Save the mediation")
    expect_success(page, "Mediation recorded")

    _link(page, "Cease the plan")
    select(page, "reason", value="5")
    fill_date(page, "decided_on", _day(4))
    fill_date(page, "notice_on", _day(3))
    fill_date(page, "ceased_on", _day(1))
    press(page, "Cease the plan")
    expect_errors(page, "Enter the new authority's 3-digit DfE code")
    page.fill("#id_transferred_to", "941")
    press(page, "Cease the plan")
    expect_success(page, "Plan ceased")
    assert serious_accessibility_violations(page) == []
    plan.refresh_from_db()
    assert (plan.ceased_on, plan.cease_reason) == (_day(1), "5")

    request = services.record_request(
        other, received_on=_day(10), source="parent", by=officer
    )
    page.goto(f"{live_server.url}/send/requests/{request.pk}/")
    _link(page, "Pass the request to another local authority")
    page.fill("#id_la", "941")
    fill_date(page, "on", _day(2))
    press(page, "Pass the request on")
    expect_success(page, "Request passed on")
    assert EhcRequest.objects.get(pk=request.pk).export.la == "941"
