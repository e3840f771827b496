"""The walk issue 16 asks for, in a browser through the real pages and forms,
each step on its own day (the clock held there, the live server's too): a
girl of 16 comes into care with foster carers, her care plan is agreed, the
IRO holds her first review and makes a recommendation for her social worker,
her initial health assessment and personal education plan are recorded, her
period of care ends on her 18th birthday (a former relevant child from then),
and her pathway plan is agreed. Every page passes axe."""

import contextlib
import datetime as dt
from collections.abc import Iterator

from playwright.sync_api import Page, expect

from haven.care import providers
from haven.care.leavers.rules import birthday
from haven.care.models import (
    CarePlan,
    HealthAssessment,
    PathwayPlan,
    PeriodOfCare,
    PersonalEducationPlan,
    Recommendation,
)
from haven.casework.services import transfer_case
from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.services import allocate_case
from tests.browser.conftest import sign_in, sign_out
from tests.browser.forms import scenes
from tests.browser.forms.widgets import (
    choose,
    expect_success,
    fill_date,
    press,
    select,
)
from tests.browser.journeys import accessible, on

TODAY = clock.today()
IRO = "independent-reviewing-officer"
WORKER = "social-worker"
CARE_PLAN = {
    "health": "Registered with the GP; dental check booked",
    "education": "Stays at her sixth form; PEP this term",
    "emotional": "Counselling through school",
    "identity": "Keeps her faith and her friends",
    "relationships": "Sees her brother weekly",
    "contact": "Mother fortnightly, in the community",
    "changes": "Mother to engage with the alcohol service",
}
PATHWAY = {
    "accommodation": "Staying with her carers until her course ends",
    "education": "A-levels, then university; bursary applied for",
    "health": "Registered with the GP; keeps her own health records",
    "relationships": "Weekly time with her brother",
    "finance": "Bank account opened; budgeting with her adviser",
    "contingency": "Supported lodgings if the arrangement ends",
}


def _day(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@contextlib.contextmanager
def _on(n: int) -> Iterator[dt.date]:
    day = _day(n)
    with on(day, hour=12):
        yield day


def _born_18_years_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 18)
    except ValueError:  # 29 February
        return dt.date(day.year - 18, 2, 28)


def _girl_of_16():  # type: ignore[no-untyped-def]
    """Eighteen a month ago; referred by the police 410 days ago, at 16."""
    worker = scenes.staff(WORKER)
    person = scenes.registered("Imogen", _born_18_years_before(_day(30)))
    team = worker.team
    assert team is not None
    allocate_case(person, team=team, worker=worker, by=team.managers.get())
    scenes.in_need(person, _day(410))
    manager = team.managers.get()
    service = providers.add_provider(
        providers.ProviderDetails(
            "Haven Fostering Service", "la_fostering", "PR1", ofsted_urn="SC900101"
        ),
        registration="registered",
        since=_day(3000),
        by=manager,
    )
    carer = providers.approve_carer(
        scenes.registered("Maureen", _day(20000)),
        provider=service,
        approved_on=_day(2000),
        connected_person=False,
        by=manager,
    )
    return person, carer


def _page(page: Page, base: str, pk: int) -> None:
    page.goto(f"{base}/people/{pk}/")
    accessible(page)


def test_into_care_to_the_pathway_plan(page: Page, live_server, demo):
    child, carer = _girl_of_16()
    assert child.date_of_birth is not None
    base = live_server.url
    sign_in(page, base, WORKER)

    with _on(400) as day:  # comes into care, with foster carers
        _page(page, base, child.pk)
        page.get_by_role("link", name="Start a period of care").click()
        fill_date(page, "started_on", day)
        select(page, "need", value="N1")
        select(page, "legal_status", value="V2")
        select(page, "place", value="U6")
        select(page, "carer", value=str(carer.pk))
        page.fill("#id_address_line_1", "7 Ash Grove")
        page.fill("#id_town", "Leeds")
        page.fill("#id_postcode", "LS6 1AA")
        accessible(page)
        press(page, "Start the period of care")
        expect_success(page, "Period of care started")
    period = PeriodOfCare.objects.get(person=child)

    with _on(398) as day:  # the care plan
        _page(page, base, child.pk)
        page.get_by_role("link", name="Record the care plan").click()
        fill_date(page, "agreed_on", day)
        for name, text in CARE_PLAN.items():
            page.fill(f"#id_{name}", text)
        choose(page, "permanence", "long_term_fostering")
        page.fill("#id_permanence_reason", "She wants to stay with her carers")
        accessible(page)
        press(page, "Record this version")
        expect_success(page, "Care plan recorded")
    assert CarePlan.objects.get(period=period).number == 1

    iro = scenes.staff(IRO)
    assert iro.team is not None
    transfer_case(
        child,
        team=iro.team,
        worker=iro,
        reason="Came into care",
        role=CaseRole.IRO,
        by=scenes.staff(WORKER).team.managers.get(),  # type: ignore[union-attr]
    )
    sign_out(page)
    sign_in(page, base, IRO)
    with _on(390) as day:  # the IRO's first review, with a recommendation
        _page(page, base, child.pk)
        page.get_by_role("link", name="Record a review").click()
        fill_date(page, "held_on", day)
        choose(page, "participation", "PN1")
        page.fill("#id_attended", "Imogen, her carer, her social worker")
        page.fill("#id_rec0-description", "Ask the school for a careers interview")
        select(page, "rec0-owner", value=str(scenes.staff(WORKER).pk))
        fill_date(page, "rec0-due_on", _day(360))
        accessible(page)
        press(page, "Record the review")
        expect_success(page, "Review recorded")
    assert Recommendation.objects.get(review__period=period).due_on == _day(360)
    sign_out(page)
    sign_in(page, base, WORKER)

    with _on(385) as day:  # the initial health assessment
        page.goto(f"{base}/work/")
        expect(page.locator("main")).to_contain_text("careers interview")
        _page(page, base, child.pk)
        page.get_by_role("link", name="Record a health assessment").click()
        choose(page, "kind", "initial")
        fill_date(page, "completed_on", day)
        page.fill("#id_professional", "Dr Priya Okafor")
        page.fill("#id_role", "Designated doctor for looked-after children")
        page.fill("#id_outcome", "Well; asthma plan updated.")
        accessible(page)
        press(page, "Record the assessment")
        expect_success(page, "Health assessment recorded")
    assert HealthAssessment.objects.get(person=child).kind == "initial"

    with _on(380) as day:  # the personal education plan
        _page(page, base, child.pk)
        page.get_by_role("link", name="Record a personal education plan").click()
        fill_date(page, "held_on", day)
        choose(page, "term", "autumn")
        page.fill("#id_school", "Moorside Sixth Form")
        page.fill("#id_designated_teacher", "Mrs Ada Kettle")
        page.fill("#id_virtual_school", "Sam Oyelaran")
        page.fill("#id_summary", "A-level study support; mentoring.")
        accessible(page)
        press(page, "Record the PEP")
        expect_success(page, "Personal education plan recorded")
    assert PersonalEducationPlan.objects.filter(person=child).exists()

    eighteen = birthday(child.date_of_birth, 18)
    assert eighteen == _day(30)
    with _on(31):  # the day before: 13 weeks looked after since 14, at 17
        _page(page, base, child.pk)
        expect(page.locator("#leaver-status")).to_contain_text("Eligible child")
    with _on(30) as day:  # her 18th birthday: care ends
        _page(page, base, child.pk)
        page.get_by_role("link", name="End the period of care").click()
        fill_date(page, "ended_on", day)
        select(page, "reason", value="E8")
        accessible(page)
        press(page, "End the period of care")
        expect_success(page, "Period of care ended")
        expect(page.locator("#leaver-status")).to_contain_text("Former relevant child")
        accessible(page)

    with _on(20) as day:  # the pathway plan
        _page(page, base, child.pk)
        page.get_by_role("link", name="Record a pathway plan").click()
        fill_date(page, "agreed_on", day)
        for name, text in PATHWAY.items():
            page.fill(f"#id_{name}", text)
        accessible(page)
        press(page, "Record the pathway plan")
        expect_success(page, "Pathway plan recorded")
        expect(page.locator("#pathway-plan")).to_contain_text("version 1")
        accessible(page)
    assert PathwayPlan.objects.get(person=child).agreed_on == _day(20)
