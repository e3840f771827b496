"""A looked-after child's reviews in a browser, through the forms' real
widgets: the IRO (allocated as a case role) records a review with a
recommendation, refused first with every fault; its owner marks it done from
the child's page; the IRO records a visit and escalates a concern through
the protocol's stages; the social worker asks for an early review. Each page
passes axe."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.models import Escalation, IroContact, PeriodOfCare, Recommendation
from haven.care.placing import PlacementDetails
from haven.care.reviews import forms, recording
from haven.care.services import start_period_of_care
from haven.casework.services import transfer_case
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.models import JournalEvent
from haven.people.models import Person
from tests.browser.conftest import accessibility_violations, sign_in, sign_out
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

IRO = "independent-reviewing-officer"


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _in_care_with_iro(days: int = 30) -> tuple[Person, PeriodOfCare]:
    child = scenes.child()
    scenes.in_need(child, _day(days))
    period = start_period_of_care(
        child,
        on=_day(days),
        need="N1",
        legal_status="C2",
        placement=PlacementDetails(
            "P1", address_line_1="1 Home Street", postcode="LS6 1AA"
        ),
        by=scenes.staff("social-worker"),
    )
    iro = scenes.staff(IRO)
    assert iro.team is not None
    transfer_case(
        child,
        team=iro.team,
        worker=iro,
        reason="Came into care",
        role=CaseRole.IRO,
        by=scenes.staff("social-worker").team.managers.get(),  # type: ignore[union-attr]
    )
    return child, period


@covers(forms.ReviewForm, forms.RecommendationDoneForm)
def test_a_review_with_a_recommendation_is_recorded_and_done(
    page: Page, live_server, demo
):
    child, period = _in_care_with_iro()
    worker = scenes.staff("social-worker")
    base = live_server.url
    sign_in(page, base, IRO)
    page.goto(f"{base}/people/{child.pk}/")
    expect(page.locator("#iro")).to_contain_text(scenes.staff(IRO).last_name)
    expect(page.locator("#next-review")).to_contain_text("Next review by")
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Record a review").click()
    fill_date(page, "held_on", _day(40))
    page.fill("#id_rec0-description", "Refer Marnie to CAMHS")
    press(page, "Record the review")
    expect_errors(
        page,
        "Choose how the child took part in the review",
        "Say who attended the review",
        "Choose who will carry out recommendation 1",
        "Enter when recommendation 1 is due",
        "a review is held while they are",
    )
    assert accessibility_violations(page) == []
    fill_date(page, "held_on", _day(2))
    choose(page, "participation", "PN0")  # Marnie is under 4
    page.fill("#id_attended", "Marnie, her parents, the social worker")
    select(page, "rec0-owner", value=str(worker.pk))
    fill_date(page, "rec0-due_on", _day(-14))
    press(page, "Record the review")
    expect_success(page, "Review recorded")
    recommendation = Recommendation.objects.get(review__period=period)
    assert (recommendation.owner, recommendation.due_on) == (worker, _day(-14))
    expect(page.locator("#reviews")).to_contain_text("Refer Marnie to CAMHS")

    sign_out(page)
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/work/")
    expect(page.locator("main")).to_contain_text("Refer Marnie to CAMHS")
    page.goto(f"{base}/people/{child.pk}/")
    page.locator("#reviews").get_by_role("link", name="Mark done").click()
    press(page, "Mark it done")
    expect_errors(page, "Say what was done", "Enter the date it was done")
    assert accessibility_violations(page) == []
    fill_date(page, "on", _day(0))
    page.fill("#id_note", "Referral sent; first appointment booked")
    press(page, "Mark it done")
    expect_success(page, "Recommendation marked done")
    recommendation.refresh_from_db()
    assert recommendation.done_on == _day(0)
    page.goto(f"{base}/work/")
    expect(page.locator("main")).not_to_contain_text("Refer Marnie to CAMHS")


@covers(forms.IroContactForm, forms.DecisionsCirculatedForm)
def test_the_iro_records_a_visit_and_the_decisions_sent(page: Page, live_server, demo):
    child, period = _in_care_with_iro()
    review = recording.record_review(
        period,
        held_on=_day(3),
        participation="PN0",
        attended="Marnie, her parents",
        by=scenes.staff(IRO),
    )
    base = live_server.url
    sign_in(page, base, IRO)
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="Record a visit or midway check").click()
    press(page, "Record it")
    expect_errors(page, "Choose what you did", "Write what you found")
    assert accessibility_violations(page) == []
    choose(page, "kind", "visit")
    fill_date(page, "on", _day(3))
    page.fill("#id_notes", "Met Marnie at home; she knows who I am")
    press(page, "Record it")
    expect_success(page, "Recorded")
    assert IroContact.objects.get(period=period).kind == "visit"
    expect(page.locator("#iro-contacts")).to_contain_text("she knows who I am")
    page.locator("#reviews").get_by_role("link", name="Record them sent").click()
    fill_date(page, "on", _day(5))
    press(page, "Record it")
    expect_errors(page, "the decisions were sent that day or later")
    assert accessibility_violations(page) == []
    fill_date(page, "on", _day(1))
    press(page, "Record it")
    expect_success(page, "Decisions recorded as sent")
    review.refresh_from_db()
    assert review.decisions_circulated_on == _day(1)


@covers(forms.EscalationForm, forms.EscalateForm, forms.ResolveEscalationForm)
def test_the_iro_escalates_a_concern_then_records_its_outcome(
    page: Page, live_server, demo
):
    child, period = _in_care_with_iro()
    base = live_server.url
    sign_in(page, base, IRO)
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="Raise a concern").click()
    press(page, "Record the concern")
    expect_errors(page, "Say what the concern is", "Say who the concern was raised")
    assert accessibility_violations(page) == []
    fill_date(page, "on", _day(10))
    page.fill("#id_concern", "The plan for permanence has drifted")
    page.fill("#id_raised_with", "The social worker")
    press(page, "Record the concern")
    expect_success(page, "Concern recorded")
    page.locator("#escalations").get_by_role("link", name="Escalate").click()
    press(page, "Escalate")
    expect_errors(page, "Say what the last stage answered")
    assert accessibility_violations(page) == []
    page.fill("#id_response", "No plan yet")
    fill_date(page, "on", _day(5))
    page.fill("#id_raised_with", "The team manager")
    press(page, "Escalate")
    expect_success(page, "Concern escalated")
    expect(page.locator("#escalations")).to_contain_text("Formal stage 1")
    page.locator("#escalations").get_by_role("link", name="Record the outcome").click()
    press(page, "Record the outcome")
    expect_errors(page, "Say what the outcome was")
    assert accessibility_violations(page) == []
    fill_date(page, "on", _day(1))
    page.fill("#id_outcome", "Permanence planning meeting booked")
    press(page, "Record the outcome")
    expect_success(page, "Escalation resolved")
    assert Escalation.objects.get(period=period).resolved_on == _day(1)


@covers(forms.EarlyReviewForm)
def test_the_social_worker_asks_for_an_early_review(page: Page, live_server, demo):
    child, period = _in_care_with_iro()
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="Ask for an early review").click()
    press(page, "Record the request")
    expect_errors(page, "Say why the review is needed early")
    assert accessibility_violations(page) == []
    fill_date(page, "on", _day(1))
    page.fill("#id_reason", "The placement is breaking down")
    press(page, "Record the request")
    expect_success(page, "Early review asked for")
    assert JournalEvent.objects.filter(
        person=child, type="care.early_review_required"
    ).exists()
