"""The single assessment in a browser: the worker starts it from the episode's
page and writes it (several factors ticked), the manager returns it with
comments, then authorises it (after recording the child's census disability
answer, through the link offered)."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.assessments import forms
from haven.assessments.codes import SECTION_FIELDS
from haven.assessments.models import Assessment
from haven.core import clock
from haven.people.forms import EditPersonForm
from haven.people.models import Person
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

FACTORS = ("2B", "3A", "18C")


@covers(forms.AssessmentForm, forms.ReturnForm, forms.AuthoriseForm, EditPersonForm)
def test_an_assessment_is_written_returned_and_authorised(
    page: Page, live_server, demo
):
    child = scenes.child()
    assessment = scenes.referred(child)
    url = f"{live_server.url}/assessments/{assessment.pk}/"
    sign_in(page, live_server.url, "social-worker")
    page.goto(url)

    page.fill("#id_reason", "School reports bruising and late collection.")
    select(page, "primary_need", value="N1")
    for name in SECTION_FIELDS:
        page.fill(f"#id_{name}", f"The {name.replace('_', ' ')} in the worker's words")
    tick(page, "factors", *FACTORS)
    choose(page, "outcome", "cin_plan")
    press(page, "Submit for authorisation")

    expect_success(page, "Assessment submitted for authorisation")
    assessment.refresh_from_db()
    assert assessment.status == "submitted"
    assert assessment.reason == "School reports bruising and late collection."
    assert sorted(assessment.factors) == sorted(FACTORS)
    assert assessment.outcome == "cin_plan"
    assert assessment.episode.primary_need == "N1"
    for name in SECTION_FIELDS:
        assert getattr(assessment, name) == (
            f"The {name.replace('_', ' ')} in the worker's words"
        )
    assert assessment.parents_views == "The parents views in the worker's words"
    for code in FACTORS:
        expect(page.locator("#factors")).to_contain_text(f"({code})")
    sign_out(page)

    manager = scenes.staff("social-worker").team.managers.get()
    sign_in(page, live_server.url, manager.username)
    page.goto(url)
    page.fill("#id_comments", "Say what the child told you about the bruising.")
    press(page, "Return to the assessor")

    expect_success(page, "Assessment returned to the assessor")
    assessment.refresh_from_db()
    assert assessment.status == "returned"
    returned = assessment.returns.get()
    assert returned.comments == "Say what the child told you about the bruising."
    assert returned.returned_by == manager
    sign_out(page)

    # The worker adds to the child's voice; the ticks are still there.
    sign_in(page, live_server.url, "social-worker")
    page.goto(url)
    for code in FACTORS:
        expect(page.locator(f"input[name=factors][value='{code}']")).to_be_checked()
    page.fill("#id_childs_voice", "She said she fell off her bike.")
    press(page, "Submit for authorisation")
    expect_success(page, "Assessment submitted for authorisation")
    sign_out(page)

    # Nobody has answered the census's disability question for the child: the
    # manager is told, follows the link and records it on the child's details.
    Person.objects.filter(pk=child.pk).update(disabilities=[])
    sign_in(page, live_server.url, manager.username)
    page.goto(url)
    press(page, "Authorise the assessment")
    expect_errors(page, "Record the child's disabilities, or 'No disability'")
    assert Assessment.objects.get(pk=assessment.pk).status == "submitted"
    page.get_by_role("link", name="Record the child's disabilities").click()
    tick(page, "disabilities", "NONE")
    page.fill("#id_reason", "Census disability answer for the assessment")
    press(page, "Save")
    assert Person.objects.get(pk=child.pk).disabilities == ["NONE"]
    page.goto(url)
    press(page, "Authorise the assessment")

    expect_success(page, "Assessment authorised")
    assessment = Assessment.objects.get(pk=assessment.pk)
    assert assessment.status == "authorised"
    assert assessment.authorised_by == manager
    assert assessment.childs_voice == "She said she fell off her bike."
    assert sorted(assessment.factors) == sorted(FACTORS)


@covers(forms.AuthoriseForm)
def test_a_late_assessment_is_authorised_with_the_reasons_for_the_delay(
    page: Page, live_server, demo
):
    from haven.core import clock
    from haven.timescales.models import Obligation

    child = scenes.child()
    assessment = scenes.submitted(child)
    # The engine holds the due date: it passed yesterday.
    Obligation.objects.filter(rule_id="ASSESS-CF", subject=str(assessment.pk)).update(
        due_on=clock.today() - dt.timedelta(days=1)
    )
    manager = scenes.staff("social-worker").team.managers.get()
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/assessments/{assessment.pk}/")
    press(page, "Authorise the assessment")
    expect_errors(page, "The assessment is past its due date")
    assessment.refresh_from_db()
    assert assessment.status == "submitted"

    page.fill("#id_delay_reason", "The police check took three weeks.")
    press(page, "Authorise the assessment")
    expect_success(page, "Assessment authorised")
    assessment.refresh_from_db()
    assert assessment.status == "authorised"
    assert assessment.delay_reason == "The police check took three weeks."


@covers(forms.StartAssessmentForm)
def test_the_worker_starts_an_assessment_from_its_actual_start_date(
    page: Page, live_server, demo
):
    from haven.cin import services

    child = scenes.child()
    manager = scenes.staff("social-worker").team.managers.get()
    episode = services.open_referral(
        child, received_on=clock.today(), source="2A", contact_id=None, by=manager
    )
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/children-in-need/people/{child.pk}/")
    page.get_by_role("link", name="Start an assessment").click()

    fill_date(page, "started_on", clock.today() + dt.timedelta(days=1))
    press(page, "Start the assessment")
    expect_errors(page, "The date the assessment started must be today or earlier")
    assert not Assessment.objects.filter(episode=episode).exists()

    fill_date(page, "started_on", clock.today())
    press(page, "Start the assessment")
    expect_success(page, "Assessment started")
    assessment = Assessment.objects.get(episode=episode)
    assert assessment.started_on == clock.today()
    assert page.url.endswith(f"/assessments/{assessment.pk}/")
