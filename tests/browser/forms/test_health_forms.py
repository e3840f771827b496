"""A looked-after child's health in a browser, through the forms' real
widgets: the initial health assessment due from the start of care is
recorded, refused first with every fault named, and the review falls due; a
dental check, immunisations, an SDQ score, substance misuse and a reprimand
are each refused then recorded; the section and the forms pass axe."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.health import forms
from haven.care.models import (
    DentalCheck,
    HealthAssessment,
    Offence,
    PeriodOfCare,
    SdqScore,
    SubstanceMisuse,
    UpToDate,
)
from haven.care.placing import PlacementDetails
from haven.care.services import start_period_of_care
from haven.core import clock
from haven.people.models import Person
from haven.timescales.calendar import add_months
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


def _in_care(child: Person) -> PeriodOfCare:
    """Looked after for 60 days, placed with parents (no carer needed)."""
    scenes.in_need(child, _day(60))
    return start_period_of_care(
        child,
        on=_day(60),
        need="N1",
        legal_status="C1",
        placement=PlacementDetails(
            "P1", address_line_1="1 Home Street", postcode="LS6 1AA"
        ),
        by=scenes.staff("social-worker"),
    )


def _open(page: Page, base: str, child: Person, link: str) -> None:
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name=link).click()


@covers(forms.HealthAssessmentForm)
def test_the_initial_health_assessment_is_recorded(page: Page, live_server, demo):
    child = scenes.child()  # about 2 years old: reviews every six months
    _in_care(child)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    expect(page.locator("#next-health-assessment")).to_contain_text("LAC-HEALTH-IHA-20")
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="Record a health assessment").click()
    assert accessibility_violations(page) == []
    press(page, "Record the assessment")
    expect_errors(
        page,
        "Choose whether it was the initial or a review health assessment",
        "Enter the date the assessment was completed",
        "Enter the name of who carried out the assessment",
        "Enter their role",
        "Summarise what the assessment found",
    )
    choose(page, "kind", "initial")
    fill_date(page, "completed_on", _day(40))
    page.fill("#id_professional", "Dr Priya Okafor")
    page.fill("#id_role", "Community paediatrician")
    page.fill("#id_outcome", "Growing well; immunisations to catch up.")
    press(page, "Record the assessment")
    expect_success(page, "Health assessment recorded")
    assert HealthAssessment.objects.get(person=child).kind == "initial"
    expect(page.locator("#health-assessments")).to_contain_text("Dr Priya Okafor")
    expect(page.locator("#next-health-assessment")).to_contain_text(
        f"Next health assessment by {add_months(_day(40), 6):%-d %B %Y} "
        "(LAC-HEALTH-RHA)"
    )


@covers(
    forms.DentalCheckForm,
    forms.UpToDateForm,
    forms.SdqForm,
    forms.SubstanceMisuseForm,
    forms.OffenceForm,
)
def test_the_rest_of_the_health_record_is_refused_then_recorded(
    page: Page, live_server, demo
):
    child = scenes.child()
    _in_care(child)
    base = live_server.url
    sign_in(page, base, "social-worker")

    _open(page, base, child, "Record a dental check")
    fill_date(page, "checked_on", _day(90))
    press(page, "Record the dental check")
    expect_errors(page, "The child was not looked after on")
    fill_date(page, "checked_on", _day(10))
    press(page, "Record the dental check")
    expect_success(page, "Dental check recorded")
    assert DentalCheck.objects.get(person=child).checked_on == _day(10)

    _open(page, base, child, "Record immunisations or development checks")
    press(page, "Record the check")
    expect_errors(
        page, "Choose what was checked", "Choose whether they were up to date"
    )
    choose(page, "what", "immunisations")
    choose(page, "answer", "not_known")
    fill_date(page, "checked_on", _day(5))
    press(page, "Record the check")
    expect_success(page, "Immunisations and development checks recorded")
    assert UpToDate.objects.get(person=child).answer == "not_known"
    expect(page.locator("#health-facts")).to_contain_text("Not known")

    _open(page, base, child, "Record an SDQ score")
    assert accessibility_violations(page) == []
    page.fill("#id_score", "41")
    press(page, "Record the score")
    expect_errors(
        page,
        "The score must be between 0 and 40",
        "Choose who completed the questionnaire",
    )
    page.fill("#id_score", "17")
    choose(page, "completed_by", "teacher")
    fill_date(page, "completed_on", _day(3))
    press(page, "Record the score")
    expect_success(page, "Strengths and Difficulties Questionnaire recorded")
    assert SdqScore.objects.get(person=child).score == 17
    expect(page.locator("#sdq-scores")).to_contain_text("17 (teacher")

    _open(page, base, child, "Record substance misuse")
    choose(page, "intervention_offered", "no")
    choose(page, "intervention_received", "yes")
    press(page, "Record it")
    expect_errors(
        page,
        "Enter the date it was identified",
        "An intervention received must have been offered",
    )
    fill_date(page, "identified_on", _day(20))
    choose(page, "intervention_offered", "yes")
    press(page, "Record it")
    expect_success(page, "Substance misuse recorded")
    assert SubstanceMisuse.objects.get(person=child).intervention_received

    _open(page, base, child, "Record a warning, reprimand or conviction")
    press(page, "Record it")
    expect_errors(page, "Choose a final warning, a reprimand or a conviction")
    choose(page, "kind", "reprimand")
    fill_date(page, "on", _day(7))
    page.fill("#id_details", "Criminal damage at school")
    press(page, "Record it")
    expect_success(page, "Final warning, reprimand or conviction recorded")
    assert Offence.objects.get(person=child).kind == "reprimand"
    expect(page.locator("#offences")).to_contain_text("Reprimand")
