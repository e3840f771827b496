"""A looked-after child's care plan and placement plan in a browser, through
the forms' real widgets: the first version refused then recorded, the item
gone from My work, a second version that starts from the first and says what
changed, and the placement plan agreed with the carer; with axe checks."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.care.models import CarePlan, PeriodOfCare, PlacementPlan
from haven.care.placing import PlacementDetails
from haven.care.plans import forms
from haven.care.services import start_period_of_care
from haven.core import clock
from haven.people.models import Person
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

CARE_PLAN = {
    "health": "Registered with the GP; asthma review due",
    "education": "Stays at her school; PEP this term",
    "emotional": "Referred to CAMHS for sleep",
    "identity": "Goes to church with her carer",
    "relationships": "Sees her brother at school",
    "contact": "Mother fortnightly, supervised",
    "changes": "Mother to finish the parenting course by September",
}
PLACEMENT_PLAN = {
    "needs": "A room of her own and a bedtime routine",
    "health": "Stays with her GP",
    "education": "Her carer takes her to school",
    "contact": "Her carer brings her to the family centre",
    "delegated_authority": "Haircuts, school trips and sleepovers",
    "support": "Monthly visits from the supervising social worker",
}


def _day(n: int) -> dt.date:
    return clock.today() - dt.timedelta(days=n)


def _in_care(child: Person, days: int) -> PeriodOfCare:
    """Looked after for `days`, placed with parents (no provider needed)."""
    details = PlacementDetails("P1", address_line_1="1 Home Street", postcode="LS6 1AA")
    scenes.in_need(child, _day(days))
    return start_period_of_care(
        child,
        on=_day(days),
        need="N1",
        legal_status="C2",
        placement=details,
        by=scenes.staff("social-worker"),
    )


def _fill(page: Page, values: dict[str, str]) -> None:
    for name, text in values.items():
        page.fill(f"#id_{name}", text)


@covers(forms.CarePlanForm)
def test_a_care_plan_is_refused_recorded_then_changed(page: Page, live_server, demo):
    child = scenes.child()
    period = _in_care(child, 2)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/work/")
    expect(page.locator("main")).to_contain_text("Agree the child's care plan")
    page.goto(f"{base}/people/{child.pk}/")
    expect(page.locator("#care-plan-now")).to_contain_text("None recorded")
    page.get_by_role("link", name="Record the care plan").click()
    assert accessibility_violations(page) == []
    fill_date(page, "agreed_on", _day(-3))
    choose(page, "permanence", "adoption")
    press(page, "Record this version")
    expect_errors(
        page,
        "The date the plan was agreed must be today or earlier",
        "Say what the child's health needs are and how they will be met",
        "Say why this is the plan for permanence",
    )
    assert accessibility_violations(page) == []
    fill_date(page, "agreed_on", _day(1))
    _fill(page, CARE_PLAN)
    choose(page, "permanence", "long_term_fostering")
    page.fill("#id_permanence_reason", "Return home is not safe; she is settled")
    press(page, "Record this version")
    expect_success(page, "Care plan recorded")
    expect(page.locator("#care-plan-now")).to_contain_text("Version 1")
    expect(page.locator("#permanence-now")).to_contain_text("Long-term foster care")
    assert accessibility_violations(page) == []  # the child's page, its section
    page.get_by_role("link", name="Update the care plan").click()
    expect(page.locator("#id_contact")).to_have_value(CARE_PLAN["contact"])
    fill_date(page, "agreed_on", _day(0))
    page.fill("#id_contact", "Mother weekly, supervised")
    press(page, "Record this version")
    expect_errors(page, "Say what changed in the plan since the last version")
    page.fill("#id_what_changed", "Contact increased: the sessions went well")
    press(page, "Record this version")
    expect_success(page, "Care plan recorded")
    plans = CarePlan.objects.filter(period=period).order_by("number")
    assert [(p.number, p.contact) for p in plans] == [
        (1, CARE_PLAN["contact"]),
        (2, "Mother weekly, supervised"),
    ]
    page.goto(f"{base}/looked-after/periods/{period.pk}/care-plan/")
    expect(page.locator("#version-2")).to_contain_text("the sessions went well")
    expect(page.locator("#version-1")).to_contain_text("Superseded")
    assert accessibility_violations(page) == []


@covers(forms.PlacementPlanForm)
def test_a_placement_plan_is_agreed_with_the_carer(page: Page, live_server, demo):
    child = scenes.child()
    period = _in_care(child, 2)
    base = live_server.url
    sign_in(page, base, "social-worker")
    page.goto(f"{base}/people/{child.pk}/")
    page.get_by_role("link", name="Record the placement plan").click()
    assert accessibility_violations(page) == []
    _fill(page, PLACEMENT_PLAN | {"delegated_authority": ""})
    press(page, "Record this version")
    expect_errors(
        page,
        "Enter the date the plan was agreed",
        "Enter the name of the carer who agreed the plan",
        "Say which day-to-day decisions the carer may make",
    )
    fill_date(page, "agreed_on", _day(1))
    page.fill("#id_agreed_with", "Rhona Quenby")
    page.fill("#id_delegated_authority", PLACEMENT_PLAN["delegated_authority"])
    press(page, "Record this version")
    expect_success(page, "Placement plan recorded")
    expect(page.locator("#placement-plan-now")).to_contain_text(
        "agreed with Rhona Quenby"
    )
    plan = PlacementPlan.objects.get(placement__period=period)
    assert (plan.number, plan.agreed_on) == (1, _day(1))
