"""Early help forms in a browser: the request, allocation, assessment, a family
plan with several actions, marking one done, the review, closing, and stepping
up to social care."""

import datetime as dt

from playwright.sync_api import Page

from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.models import Allocation
from haven.earlyhelp import forms
from haven.earlyhelp.models import EarlyHelpRequest
from haven.frontdoor.models import Contact
from tests.browser.conftest import sign_in, sign_out
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

PLAN = (
    ("Bedtime routine chart", "Mum, with the family worker", 14),
    ("Parenting course", "Dad", 28),
)


@covers(
    forms.RequestForm,
    forms.AllocateForm,
    forms.AssessmentForm,
    forms.PlanForm,
    forms.ReviewForm,
    forms.CloseForm,
    "earlyhelp/person.html",
)
def test_early_help_from_request_to_closure(page: Page, live_server, demo):
    child = scenes.child()
    today = clock.today()
    day = lambda n: today - dt.timedelta(days=n)  # noqa: E731
    base = live_server.url

    sign_in(page, base, "social-worker")
    page.goto(f"{base}/early-help/people/{child.pk}/request/")
    fill_date(page, "requested_on", day(6))
    choose(page, "source", "step_down")
    page.fill("#id_reason", "Mum asks for help with the children's bedtimes.")
    press(page, "Add to the early help queue")
    expect_success(page, "Added to the early help queue")
    request = EarlyHelpRequest.objects.get(person=child)
    assert (request.requested_on, request.source) == (day(6), "step_down")
    assert request.reason == "Mum asks for help with the children's bedtimes."
    sign_out(page)

    worker = scenes.staff("early-help-worker")
    sign_in(page, base, scenes.early_help_manager().username)
    page.goto(f"{base}/early-help/requests/{request.pk}/allocate/")
    select(page, "worker", value=str(worker.pk))
    fill_date(page, "on", day(5))
    press(page, "Allocate")
    expect_success(page, "allocated")
    request.refresh_from_db()
    assert (request.allocated_worker, request.allocated_on) == (worker, day(5))
    sign_out(page)

    sign_in(page, base, worker.username)
    page.goto(f"{base}/early-help/requests/{request.pk}/assessment/")
    fill_date(page, "started_on", day(5))
    fill_date(page, "completed_on", day(3))
    page.fill("#id_strengths", "Loving parents.")
    page.fill("#id_needs", "Routines at bedtime.")
    page.fill("#id_family_view", "Mum wants calmer evenings.")
    page.fill("#id_child_view", "Marnie wants a story.")
    page.fill("#id_analysis", "A short plan should help.")
    press(page, "Save the assessment")
    # Early help is voluntary: refused without the family's agreement, all typed kept.
    expect_errors(
        page,
        "Early help is voluntary: enter the date the family agreed to the assessment",
        "Early help is voluntary: enter who in the family agreed to the assessment",
    )
    fill_date(page, "family_agreed_on", day(5))
    page.fill("#id_family_agreed_by", "Mum (Sarah)")
    press(page, "Save the assessment")
    expect_success(page, "Assessment saved")
    assessment = EarlyHelpRequest.objects.get(pk=request.pk).assessment
    assert (assessment.started_on, assessment.completed_on) == (day(5), day(3))
    assert assessment.strengths == "Loving parents."
    assert assessment.needs == "Routines at bedtime."
    assert assessment.family_view == "Mum wants calmer evenings."
    assert assessment.child_view == "Marnie wants a story."
    assert assessment.analysis == "A short plan should help."
    assert (assessment.family_agreed_on, assessment.family_agreed_by) == (
        day(5),
        "Mum (Sarah)",
    )

    page.goto(f"{base}/early-help/requests/{request.pk}/plan/")
    fill_date(page, "started_on", day(2))
    for row, (what, who, days) in enumerate(PLAN, start=1):
        page.fill(f"#id_action_{row}", what)
        page.fill(f"#id_who_{row}", who)
        fill_date(page, f"by_when_{row}", today + dt.timedelta(days=days))
    press(page, "Save the plan")
    expect_errors(
        page, "Early help is voluntary: enter who in the family agreed to the plan"
    )
    page.fill("#id_family_agreed_by", "Mum and Dad")
    press(page, "Save the plan")
    expect_success(page, "Family plan saved")
    plan = EarlyHelpRequest.objects.get(pk=request.pk).plan
    assert (plan.started_on, plan.family_agreed_by) == (day(2), "Mum and Dad")
    actions = {a.action: a for a in plan.actions.all()}
    assert set(actions) == {what for what, _who, _days in PLAN}
    for what, who, days in PLAN:
        assert actions[what].who == who
        assert actions[what].by_when == today + dt.timedelta(days=days)

    # The plain "Mark done" form on the child's early help page.
    row = page.locator("tr", has_text="Bedtime routine chart")
    row.get_by_role("button", name="Mark done").click()
    expect_success(page, "Action marked as done")
    actions["Bedtime routine chart"].refresh_from_db()
    assert actions["Bedtime routine chart"].done_on == today

    page.goto(f"{base}/early-help/plans/{plan.pk}/review/")
    fill_date(page, "held_on", today)
    page.fill("#id_progress", "Bedtimes are calmer.")
    page.fill("#id_next_steps", "Finish the course.")
    press(page, "Save the review")
    expect_success(page, "Review saved")
    review = plan.reviews.get()
    assert (review.held_on, review.progress, review.next_steps) == (
        today,
        "Bedtimes are calmer.",
        "Finish the course.",
    )

    page.goto(f"{base}/early-help/requests/{request.pk}/close/")
    fill_date(page, "closed_on", today)
    choose(page, "outcome", "needs_met")
    page.fill("#id_notes", "The family manage well on their own.")
    press(page, "Close early help")
    expect_success(page, "Early help closed")
    request.refresh_from_db()
    assert (request.closed_on, request.outcome) == (today, "needs_met")
    assert request.closure_notes == "The family manage well on their own."


def _step_up(page: Page, base: str, request: EarlyHelpRequest) -> None:
    sign_in(page, base, "early-help-worker")
    page.goto(f"{base}/early-help/requests/{request.pk}/step-up/")
    fill_date(page, "on", clock.today())
    page.fill("#id_reason", "School saw bruises on her arms.")
    press(page, "Refer to social care")
    expect_errors(page, "Say whether consent to share was given")
    choose(page, "consent", "without_consent")
    page.fill("#id_consent_reason", "Asking would put her at risk tonight.")
    press(page, "Refer to social care")
    expect_success(page, "Sent to the front door")


@covers(forms.StepUpForm)
def test_early_help_steps_a_child_up_to_social_care(page: Page, live_server, demo):
    request = scenes.with_early_help(scenes.known_only_to_early_help())
    _step_up(page, live_server.url, request)

    request.refresh_from_db()
    assert (request.closed_on, request.outcome) == (clock.today(), "step_up")
    assert request.closure_notes == "School saw bruises on her arms."
    # To the front door's queue for its decision, not straight to a referral.
    assert not CinEpisode.objects.filter(person=request.person).exists()
    contact = Contact.objects.get(pk=request.stepped_up_contact_id)
    assert (contact.source, contact.concerns) == (
        "5D",
        "School saw bruises on her arms.",
    )
    assert contact.consent_reason == "Asking would put her at risk tonight."
    assert not contact.children.get().decision


def test_a_child_stepped_up_is_held_by_social_care(page: Page, live_server, demo):
    request = scenes.with_early_help(scenes.known_only_to_early_help())
    _step_up(page, live_server.url, request)

    held = Allocation.objects.get(person=request.person, ended_on__isnull=True)
    assert held.worker != scenes.staff("early-help-worker")
    assert held.team.name != "Early Help Team"


@covers(forms.CloseForm)
def test_early_help_closes_stepped_down_to_universal_services(
    page: Page, live_server, demo
):
    request = scenes.with_early_help(scenes.known_only_to_early_help())
    base = live_server.url
    sign_in(page, base, "early-help-worker")
    page.goto(f"{base}/early-help/requests/{request.pk}/close/")
    fill_date(page, "closed_on", clock.today())
    choose(page, "outcome", "universal")
    page.fill("#id_notes", "The health visitor carries on.")
    press(page, "Close early help")
    expect_success(page, "Early help closed")
    request.refresh_from_db()
    assert (request.closed_on, request.outcome) == (clock.today(), "universal")


@covers(forms.RequestForm, "earlyhelp/person.html")
def test_one_early_help_request_for_a_child_and_her_brother(
    page: Page, live_server, demo
):
    first, second = scenes.siblings(count=2)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/early-help/people/{first.pk}/request/")
    fill_date(page, "requested_on", clock.today())
    choose(page, "source", "direct")
    page.fill("#id_reason", "Both children miss school most Mondays.")
    tick(page, "siblings", second.pk)
    press(page, "Add to the early help queue")
    expect_success(page, "Added to the early help queue")
    request = EarlyHelpRequest.objects.get(person=first)
    assert set(request.children.all()) == {first, second}
    page.goto(f"{base}/early-help/people/{second.pk}/")
    page.get_by_text("One request, assessment and plan for 2 children").wait_for()


@covers(forms.LeadForm)
def test_the_lead_practitioner_from_a_school(page: Page, live_server, demo):
    request = scenes.with_early_help(scenes.known_only_to_early_help())
    base = live_server.url
    sign_in(page, base, "early-help-worker")
    page.goto(f"{base}/early-help/requests/{request.pk}/lead/")
    page.fill("#id_name", "Priya Shah")
    press(page, "Save the lead practitioner")
    expect_errors(
        page,
        "Enter the lead practitioner's role",
        "Enter the lead practitioner's organisation",
    )
    page.fill("#id_role", "School nurse")
    page.fill("#id_organisation", "Oakfield Primary School")
    press(page, "Save the lead practitioner")
    expect_success(page, "Lead practitioner saved")
    request.refresh_from_db()
    assert (request.lead_name, request.lead_role, request.lead_organisation) == (
        "Priya Shah",
        "School nurse",
        "Oakfield Primary School",
    )

    worker = scenes.staff("early-help-worker")
    page.goto(f"{base}/early-help/requests/{request.pk}/lead/")
    select(page, "staff", value=str(worker.pk))
    page.fill("#id_name", "")
    page.fill("#id_role", "Family worker")
    page.fill("#id_organisation", "")
    press(page, "Save the lead practitioner")
    expect_success(page, "Lead practitioner saved")
    request.refresh_from_db()
    assert (request.lead_staff, request.lead_role) == (worker, "Family worker")
