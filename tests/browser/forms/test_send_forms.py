"""SEND forms in a browser, issue 18's walk: a request for an EHC needs
assessment (first with every fault at once), the decision to assess, asking
for advice, the social worker giving the social care advice from their queue,
the decision to issue, the draft plan, the final plan, the annual review and
its decision to amend, and the phase transfer to secondary school named in the
amended plan, with axe on the way."""

import datetime as dt
from collections.abc import Callable

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.core.models import Establishment
from haven.send import forms
from haven.send.models import EhcPlan, EhcRequest
from haven.timescales.catalogue import rule
from tests.browser.conftest import (
    serious_accessibility_violations,
    sign_in,
    sign_out,
)
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import (
    choose,
    expect_errors,
    expect_success,
    fill_date,
    press,
    select,
    tick,
)


def _decide(page: Page, url: str, day: dt.date) -> None:
    page.goto(url)
    choose(page, "decision", "Y")
    fill_date(page, "on", day)
    press(page, "Save the decision")
    expect_success(page, "Decision recorded")


@covers(
    forms.RequestForm,
    forms.DecisionForm,
    forms.AdviceRequestForm,
    forms.AdviceForm,
    forms.PlanForm,
    forms.FinalPlanForm,
    forms.ReviewMeetingForm,
    forms.ReviewDecisionForm,
)
def test_an_ehc_plan_from_request_to_final(page: Page, live_server, demo):
    child = scenes.child()
    school = Establishment.objects.create(urn=100001, name="Hilltop Primary School")
    day = lambda n: clock.today() - dt.timedelta(days=n)  # noqa: E731
    base = live_server.url

    sign_in(page, base, "send-officer")
    page.goto(f"{base}/send/requests/new/")
    press(page, "Record the request")
    expect_errors(
        page,
        "Enter the child's Haven ID",
        "Enter the date the request came",
        "Choose who asked for the assessment",
    )
    page.fill("#id_child", str(child.pk))
    fill_date(page, "received_on", day(100))
    choose(page, "source", "school")
    page.fill("#id_details", "The school asks: speech and language needs.")
    press(page, "Record the request")
    expect_success(page, "Request recorded")
    assert serious_accessibility_violations(page) == []
    request = EhcRequest.objects.get(person=child)
    assert (request.received_on, request.source) == (day(100), "school")

    _decide(page, f"{base}/send/requests/{request.pk}/decide-assessment/", day(90))
    page.goto(f"{base}/send/requests/{request.pk}/ask-for-advice/")
    tick(page, "kinds", "education", "social_care")
    fill_date(page, "on", day(85))
    press(page, "Ask for advice")
    expect_success(page, "Advice asked for")
    sign_out(page)

    sign_in(page, base, "social-worker")
    page.goto(f"{base}/work/")
    page.get_by_role(
        "link", name="Give the social care advice for the EHC needs assessment"
    ).first.click()
    fill_date(page, "received_on", day(70))
    page.fill("#id_summary", "Known to children's social care; family support.")
    press(page, "Save the advice")
    expect_success(page, "Advice recorded")
    assert request.advice.get(kind="social_care").received_on == day(70)
    sign_out(page)

    sign_in(page, base, "send-officer")
    _decide(page, f"{base}/send/requests/{request.pk}/decide-plan/", day(68))
    page.goto(f"{base}/send/requests/{request.pk}/draft/")
    fill_date(page, "on", day(65))
    page.fill("#id_urn", str(school.urn))
    select(page, "primary_need", value="SLCN")
    page.fill("#id_section_b", "Speech, language and communication needs.")
    press(page, "Send the draft")
    expect_success(page, "Draft plan sent")

    page.goto(f"{base}/send/requests/{request.pk}/final/")
    fill_date(page, "on", day(48))
    choose(page, "exception", "")
    press(page, "Issue the plan")
    expect_success(page, "EHC plan issued")
    expect(page.locator("#request-summary")).to_contain_text("Hilltop Primary School")
    assert serious_accessibility_violations(page) == []
    plan = EhcRequest.objects.get(pk=request.pk).plan
    assert (plan.issued_on, plan.setting, plan.primary_need) == (
        day(48),
        school,
        "SLCN",
    )
    assert plan.section_b == "Speech, language and communication needs."
    _review_and_amend(page, plan, day)
    _phase_transfer(page, plan, day)


def _review_and_amend(page: Page, plan: EhcPlan, day: Callable[[int], dt.date]) -> None:
    """The annual review meeting (every fault first), then the decision: cease
    is refused without its SEN2 reason, and the plan is kept to be amended."""
    page.get_by_role("link", name="Record the annual review meeting").click()
    press(page, "Save the meeting")
    expect_errors(
        page,
        "Enter the date the meeting was held",
        "Say who attended the meeting",
        "Give the views of the child and family, in short",
    )
    fill_date(page, "held_on", day(40))
    page.fill("#id_attended", "The child, their father, the SENCo")
    page.fill("#id_views", "They want to go to the secondary school near home.")
    press(page, "Save the meeting")
    expect_success(page, "Review meeting recorded")
    page.get_by_role("link", name="Record the decision").click()
    choose(page, "decision", "C")
    fill_date(page, "on", day(38))
    press(page, "Save the decision")
    expect_errors(page, "Choose why the plan ends")
    assert serious_accessibility_violations(page) == []
    choose(page, "decision", "A")
    page.fill("#id_amendments", "Section I: the secondary school from September.")
    press(page, "Save the decision")
    expect_success(page, "Decision recorded")
    expect(page.locator(f"#reviews-{plan.pk}")).to_contain_text("Amend")
    assert serious_accessibility_violations(page) == []


def _phase_transfer(page: Page, plan: EhcPlan, day: Callable[[int], dt.date]) -> None:
    """The coming move to secondary school (SEN-PHASE, by 14 February of the
    transfer year), the amendments sent, and the amended plan naming the next
    school 15 days later, which meets the duty."""
    high = Establishment.objects.create(urn=100002, name="Hill High School")
    page.get_by_role("link", name="Record a coming transfer").first.click()
    choose(page, "phase", "primary")
    deadline = rule("SEN-PHASE").deadline
    assert deadline is not None
    page.fill("#id_transfer_year", str(deadline.due_from(day(37)).year))
    fill_date(page, "on", day(37))
    press(page, "Record the transfer")
    expect_success(page, "Transfer recorded")
    page.get_by_role("link", name="Propose amendments").first.click()
    page.fill("#id_proposed", "Section I: Hill High School from September.")
    fill_date(page, "sent_on", day(36))
    press(page, "Send the amendments")
    expect_success(page, "Proposed amendments sent")
    page.get_by_role("link", name="Issue the amended plan").first.click()
    fill_date(page, "on", day(20))
    page.fill("#id_changes", "Names Hill High School")
    page.fill("#id_urn", str(high.urn))
    page.fill("#id_section_i", "Hill High School")
    press(page, "Issue the amended plan")
    expect_success(page, "Amended plan issued")
    expect(page.locator("#plan-changes")).to_contain_text("Hill High School")
    assert serious_accessibility_violations(page) == []
    assert plan.transfers.get().named == high
