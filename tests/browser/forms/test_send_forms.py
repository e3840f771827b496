"""SEND forms in a browser: a request for an EHC needs assessment (first with
every fault at once), the decision to assess, asking for advice, the social
worker giving the social care advice from their queue, the decision to issue,
the draft plan and the final plan."""

import datetime as dt
from collections.abc import Callable

from playwright.sync_api import Page, expect

from haven.core import clock
from haven.core.models import Establishment
from haven.send import forms
from haven.send.models import EhcPlan, EhcRequest
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
    fill_date(page, "received_on", day(60))
    page.fill("#id_summary", "Known to children's social care; family support.")
    press(page, "Save the advice")
    expect_success(page, "Advice recorded")
    assert request.advice.get(kind="social_care").received_on == day(60)
    sign_out(page)

    sign_in(page, base, "send-officer")
    _decide(page, f"{base}/send/requests/{request.pk}/decide-plan/", day(50))
    page.goto(f"{base}/send/requests/{request.pk}/draft/")
    fill_date(page, "on", day(40))
    page.fill("#id_urn", str(school.urn))
    select(page, "primary_need", value="SLCN")
    page.fill("#id_section_b", "Speech, language and communication needs.")
    press(page, "Send the draft")
    expect_success(page, "Draft plan sent")

    page.goto(f"{base}/send/requests/{request.pk}/final/")
    fill_date(page, "on", day(20))
    choose(page, "exception", "")
    press(page, "Issue the plan")
    expect_success(page, "EHC plan issued")
    expect(page.locator("#request-summary")).to_contain_text("Hilltop Primary School")
    assert serious_accessibility_violations(page) == []
    plan = EhcRequest.objects.get(pk=request.pk).plan
    assert (plan.issued_on, plan.setting, plan.primary_need) == (
        day(20),
        school,
        "SLCN",
    )
    assert plan.section_b == "Speech, language and communication needs."
    _review_and_cease(page, plan, day)


def _review_and_cease(page: Page, plan: EhcPlan, day: Callable[[int], dt.date]) -> None:
    """The annual review meeting (every fault first), then the decision to
    cease the plan with its SEN2 reason, from the links on the request page."""
    page.get_by_role("link", name="Record the annual review meeting").click()
    press(page, "Save the meeting")
    expect_errors(
        page,
        "Enter the date the meeting was held",
        "Say who attended the meeting",
        "Give the views of the child and family, in short",
    )
    fill_date(page, "held_on", day(10))
    page.fill("#id_attended", "The child, their father, the SENCo")
    page.fill("#id_views", "They want to move to a school nearer family abroad.")
    press(page, "Save the meeting")
    expect_success(page, "Review meeting recorded")
    page.get_by_role("link", name="Record the decision").click()
    choose(page, "decision", "C")
    fill_date(page, "on", day(5))
    press(page, "Save the decision")
    expect_errors(page, "Choose why the plan ends")
    assert serious_accessibility_violations(page) == []
    select(page, "cease_reason", value="7")
    press(page, "Save the decision")
    expect_success(page, "Decision recorded")
    expect(page.locator(f"#reviews-{plan.pk}")).to_contain_text("Moved outside England")
    assert serious_accessibility_violations(page) == []
    plan.refresh_from_db()
    assert (plan.ceased_on, plan.cease_reason) == (day(5), "7")
