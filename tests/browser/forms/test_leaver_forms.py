"""A care leaver in a browser, through the forms' real widgets: a young person
looked after from 15 who left care at 17 is a former relevant child at 18 on
their "Leaving care" section; keeping in touch at their 18th birthday is
refused first with every fault named, then recorded and shown in the code
lists' words; a pathway plan and its review are refused then recorded, the
next review due six months on, and the next one booked; an eligible child's
needs assessment is refused then recorded; a former relevant young person's
return to education is refused then recorded, with the assessment it asks for
due; the section and the forms pass axe."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.leavers import forms
from haven.care.leavers.rules import birthday
from haven.care.models import (
    BirthdayContact,
    NeedsAssessment,
    PathwayPlan,
    PathwayReview,
    PathwayReviewBooking,
    ReturnToEducation,
)
from haven.care.placing import PlacementDetails
from haven.care.services import end_period_of_care, start_period_of_care
from haven.core import clock
from haven.core.services import allocate_case
from haven.people.models import Person
from haven.timescales.models import Obligation
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


def _care_leaver() -> Person:
    """18 and two months old, looked after from 15 to 17 and a quarter."""
    worker = scenes.staff("social-worker")
    born = clock.today() - dt.timedelta(days=18 * 365 + 60)
    person = scenes.registered("Rowena", born)
    team = worker.team
    assert team is not None
    allocate_case(person, team=team, worker=worker, by=team.managers.get())
    started = birthday(born, 15)
    scenes.in_need(person, started)
    period = start_period_of_care(
        person,
        on=started,
        need="N1",
        legal_status="C2",
        placement=PlacementDetails(
            "P1", address_line_1="1 Home Street", postcode="LS6 1AA"
        ),
        by=worker,
    )
    end_period_of_care(
        period, on=birthday(born, 17) + dt.timedelta(days=90), reason="E8", by=worker
    )
    return person


@covers(forms.BirthdayContactForm)
def test_keeping_in_touch_at_the_18th_birthday_is_recorded(
    page: Page, live_server, demo
):
    person = _care_leaver()
    assert person.date_of_birth is not None
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{person.pk}/")
    expect(page.locator("#leaver-status")).to_contain_text("Former relevant child")
    expect(page.locator("#personal-adviser")).to_contain_text("none allocated")
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Record keeping in touch at a birthday").click()
    assert accessibility_violations(page) == []
    press(page, "Record keeping in touch")
    expect_errors(
        page,
        "Choose the birthday, from 17 to 21",
        "Choose whether you were in touch",
        "Choose their main activity",
        "Choose their accommodation",
        "Enter the date you were in touch, or last tried to be",
    )
    choose(page, "age", "18")
    fill_date(
        page, "contacted_on", birthday(person.date_of_birth, 18) + dt.timedelta(days=3)
    )
    choose(page, "in_touch", "YES")
    choose(page, "activity", "F4")
    select(page, "accommodation", label="In supported lodgings, suitable")
    press(page, "Record keeping in touch")
    expect_success(page, "Keeping in touch recorded")
    made = BirthdayContact.objects.get(person=person)
    assert (made.age, made.activity, made.accommodation) == (18, "F4", "E1")
    expect(page.locator("#birthday-contacts")).to_contain_text(
        "Full-time in training or employment"
    )
    assert accessibility_violations(page) == []


@covers(forms.PathwayPlanForm, forms.PathwayReviewForm, forms.PathwayReviewBookingForm)
def test_a_pathway_plan_and_its_review_are_recorded(page: Page, live_server, demo):
    person = _care_leaver()
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{person.pk}/")
    page.get_by_role("link", name="Record a pathway plan").click()
    assert accessibility_violations(page) == []
    press(page, "Record the pathway plan")
    expect_errors(
        page,
        "Enter the date the plan was agreed",
        "Say where they will live and what support they will have",
        "Say what will happen if the plan breaks down",
    )
    agreed = clock.today() - dt.timedelta(days=30)
    fill_date(page, "agreed_on", agreed)
    for field in (
        "accommodation",
        "education",
        "health",
        "relationships",
        "finance",
        "contingency",
    ):
        page.fill(f"#id_{field}", f"Agreed {field} support.")
    press(page, "Record the pathway plan")
    expect_success(page, "Pathway plan recorded")
    assert PathwayPlan.objects.get(person=person).number == 1
    expect(page.locator("#pathway-plan")).to_contain_text("version 1")

    page.get_by_role("link", name="Record a pathway plan review").click()
    assert accessibility_violations(page) == []
    press(page, "Record the review")
    expect_errors(
        page, "Enter the date of the review", "Say what the review found and decided"
    )
    held = clock.today() - dt.timedelta(days=2)
    fill_date(page, "held_on", held)
    page.fill("#id_outcome", "Settled in supported lodgings.")
    press(page, "Record the review")
    expect_success(page, "Pathway plan review recorded")
    assert PathwayReview.objects.get(person=person).held_on == held
    expect(page.locator("#next-pathway-review")).to_contain_text("CL-PATHWAY-REVIEW")
    assert accessibility_violations(page) == []

    page.get_by_role("link", name="Book the next pathway plan review").click()
    assert accessibility_violations(page) == []
    fill_date(page, "review_on", clock.today() - dt.timedelta(days=1))
    press(page, "Book the review")
    expect_errors(page, "The review must be booked for today or later")
    booked = clock.today() + dt.timedelta(days=20)
    fill_date(page, "review_on", booked)
    press(page, "Book the review")
    expect_success(page, "Pathway plan review booked")
    assert PathwayReviewBooking.objects.get(person=person).review_on == booked
    expect(page.locator("#booked-pathway-review")).to_contain_text("CL-PA-VISIT-PRE")


@covers(forms.NeedsAssessmentForm)
def test_an_eligible_childs_needs_assessment_is_recorded(page: Page, live_server, demo):
    """Looked after from 15, now 16 and a month: an eligible child, the
    assessment due; refused with every fault named, then recorded."""
    worker = scenes.staff("social-worker")
    born = clock.today() - dt.timedelta(days=16 * 365 + 30)
    person = scenes.registered("Tobias", born)
    team = worker.team
    assert team is not None
    allocate_case(person, team=team, worker=worker, by=team.managers.get())
    started = birthday(born, 15)
    scenes.in_need(person, started)
    start_period_of_care(
        person,
        on=started,
        need="N1",
        legal_status="C2",
        placement=PlacementDetails(
            "P1", address_line_1="1 Home Street", postcode="LS6 1AA"
        ),
        by=worker,
    )
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{person.pk}/")
    expect(page.locator("#leaver-status")).to_contain_text("Eligible child")
    expect(page.locator("#needs-assessment")).to_contain_text("none recorded")
    expect(page.locator("#needs-assessment")).to_contain_text("Due")
    page.get_by_role("link", name="Record a needs assessment").click()
    assert accessibility_violations(page) == []
    press(page, "Record the assessment")
    expect_errors(
        page,
        "Enter the date the assessment was completed",
        "Say who carried out the assessment",
        "Say what the young person wants and feels",
    )
    fill_date(page, "completed_on", clock.today() - dt.timedelta(days=1))
    page.fill("#id_assessor", "Sam Okafor, social worker")
    for field in (
        "health",
        "education",
        "support",
        "finance",
        "skills",
        "accommodation",
        "wishes",
    ):
        page.fill(f"#id_{field}", f"Short note on {field}.")
    press(page, "Record the assessment")
    expect_success(page, "Needs assessment recorded")
    made = NeedsAssessment.objects.get(person=person)
    assert made.assessor == "Sam Okafor, social worker"
    expect(page.locator("#needs-assessment")).to_contain_text("Sam Okafor")
    assert accessibility_violations(page) == []


@covers(forms.ReturnToEducationForm)
def test_a_return_to_education_is_recorded_and_asks_for_an_assessment(
    page: Page, live_server, demo
):
    person = _care_leaver()
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{person.pk}/")
    page.get_by_role("link", name="Record a return to education or training").click()
    assert accessibility_violations(page) == []
    press(page, "Record the return")
    expect_errors(
        page,
        "Enter the date they told the authority",
        "Say what education or training they are returning to",
    )
    fill_date(page, "notified_on", clock.today() - dt.timedelta(days=2))
    page.fill("#id_programme", "An access to nursing course at the college")
    press(page, "Record the return")
    expect_success(page, "Return to education recorded")
    expect(page.locator("#return-to-education")).to_contain_text("access to nursing")
    assert Obligation.objects.filter(
        person=person, rule_id="CL-23CA-ASSESS", status="due"
    ).exists()
    assert ReturnToEducation.objects.get(person=person).notified_on == (
        clock.today() - dt.timedelta(days=2)
    )
    assert accessibility_violations(page) == []
