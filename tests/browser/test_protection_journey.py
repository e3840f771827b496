"""Child protection from contact to step-down, in a browser (issue 13's "Done
means"): a contact, the front door's decision for a strategy discussion, the
discussion, the section 47 enquiry, the initial conference starting a plan,
a core group, a visit, the review conference ending the plan and the child in
need plan after it, each through its own page and widgets, with axe on every
page. The clock (haven.core.clock, which the live server reads too) is held
at each day in turn, and each due date the timescale engine sets is on the
worker's My work (and a conference's on the chair's queue) on its day."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.cin.models import CinEpisode
from haven.core import clock
from haven.core.models import User
from haven.frontdoor.models import ContactChild
from haven.people.models import Person
from haven.protection.models import ChildProtectionPlan, Section47Enquiry
from haven.timescales import selectors
from haven.timescales.calendar import add_working_days, is_working_day
from tests.browser.conftest import sign_in, sign_out
from tests.browser.forms.widgets import (
    choose,
    expect_success,
    fill_date,
    press,
    select,
)
from tests.browser.journeys import accessible, on

GIVEN, FAMILY = "Wren", "Calloway"  # not a demo name: the front door registers her
CHILD = f"{GIVEN} {FAMILY}"
MY_WORK = "/work/"
CHAIRS_QUEUE = "/child-protection/conferences/"


def _first_working_day(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def as_user(page: Page, base: str, username: str) -> None:
    if page.locator("button:has-text('Sign out')").count():
        sign_out(page)
    sign_in(page, base, username)


def due(child: Person, rule_id: str, subject: object) -> dt.date:
    """The engine's due date (the earliest still due)."""
    found = selectors.next_due_on(child.pk, rule_id, subject)
    assert found is not None, f"nothing due under {rule_id}"
    return found


def on_the_queue(page: Page, base: str, path: str, title: str, when: dt.date) -> None:
    """The queue at `path` lists `title` for the child, due `when`, and (on
    its day) not yet overdue."""
    page.goto(f"{base}{path}")
    row = page.locator("tr", has_text=CHILD).filter(has_text=title)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(f"{when:%-d %b %Y}")
    if when >= clock.today():
        expect(row).not_to_contain_text("Overdue")
    accessible(page)


def test_contact_to_child_protection_plan_and_step_down(page: Page, live_server, demo):
    base = live_server.url
    start = _first_working_day(clock.today() + dt.timedelta(days=7))
    with on(start, hour=9):
        child = _contact_decided_for_a_strategy_discussion(page, base)
    strat = due(child, "CP-STRAT", CinEpisode.objects.get(person=child).pk)
    with on(strat):
        enquiry = _strategy_discussion_and_enquiry(page, base, child, strat)
    icpc = due(child, "CP-ICPC", enquiry.pk)
    found_on = add_working_days(enquiry.started_on, 8)
    with on(found_on):
        _enquiry_found_harm_and_conference_arranged(page, base, enquiry, icpc)
    with on(icpc):
        plan = _initial_conference_starts_the_plan(page, base, child, enquiry, icpc)
    core1, visit = due(child, "CP-CORE1", plan.pk), due(child, "CP-VISIT", child.pk)
    with on(visit):
        _visit(page, base, child, visit)
    with on(core1, hour=14):
        _core_group(page, base, plan, core1)
    review = due(child, "CP-RCPC1", plan.pk)
    with on(add_working_days(review, -10)):
        as_user(page, base, "cp-chair")
        on_the_queue(
            page,
            base,
            CHAIRS_QUEUE,
            "Hold the first review child protection conference",
            review,
        )
    with on(review):
        _review_ends_the_plan_and_a_child_in_need_plan_starts(
            page, base, child, plan, review
        )


def _contact_decided_for_a_strategy_discussion(page: Page, base: str) -> Person:
    """The front door records the contact; its manager decides on a strategy
    discussion, is taken to its form, and gives the case to a social worker."""
    sign_in(page, base, "front-door-worker")
    page.goto(f"{base}/front-door/contacts/new/")
    page.select_option("#id_source", "3B")
    page.fill("#id_referrer_name", "PC Dale Hurst")
    page.fill("#id_referrer_role", "Police officer")
    page.fill("#id_referrer_organisation", "Havenford Police")
    page.fill("#id_referrer_phone", "01632 960456")
    page.fill("#id_child-0-given_name", GIVEN)
    page.fill("#id_child-0-family_name", FAMILY)
    fill_date(page, "child-0-date_of_birth", dt.date(2017, 3, 9))
    page.fill("#id_concerns", "Wren was found with a burn her parents cannot explain.")
    page.check("input[name=consent][value=not_sought_risk]")
    page.fill("#id_consent_reason", "Asking could put the child at greater risk")
    accessible(page)
    press(page, "Record the contact")
    expect_success(page, "Contact recorded")
    named = ContactChild.objects.get(
        person__given_name=GIVEN, person__family_name=FAMILY
    )

    as_user(page, base, "team-manager")
    page.goto(f"{base}/front-door/contacts/{named.contact_id}/decide/")
    page.get_by_label("Phone call").check()
    choose(page, f"child-{named.pk}-decision", "strategy")
    page.fill(
        f"#id_child-{named.pk}-reasoning",
        "A burn no one explains: reasonable cause to suspect significant harm.",
    )
    select(page, f"child-{named.pk}-threshold", value="Level 4: specialist (statutory)")
    choose(page, f"child-{named.pk}-urgency", "red")
    accessible(page)
    press(page, "Record the decision")
    expect(page.locator("h1")).to_have_text("Record a strategy discussion")
    accessible(page)

    worker = User.objects.get(username="social-worker")
    assert worker.team is not None
    page.goto(f"{base}/casework/people/{named.person_id}/allocation/")
    page.select_option("#id_team", label=worker.team.name)
    page.select_option("#id_worker", str(worker.pk))
    page.check("input[name=change_reason][value=FCONTA]")
    page.fill("#id_reason", "Strategy discussion and section 47 enquiry.")
    accessible(page)
    press(page, "Save the allocation")
    expect_success(page, "Case transferred")
    return named.person


def _strategy_discussion_and_enquiry(
    page: Page, base: str, child: Person, strat: dt.date
) -> Section47Enquiry:
    """On the day it is due, the worker holds the strategy discussion from My
    work, and starts the section 47 enquiry it decided on."""
    as_user(page, base, "social-worker")
    on_the_queue(page, base, MY_WORK, "Hold a strategy discussion", strat)
    page.locator("tr", has_text=CHILD).get_by_role(
        "link", name="Hold a strategy discussion"
    ).click()
    fill_date(page, "held_on", strat)
    for index, (name, agency, role) in enumerate(
        (
            ("Sam Social-Worker", "Children's social care", "Social worker"),
            ("DS Mae Corrin", "Police", "Detective sergeant"),
            ("Dr Ines Marr", "Health", "Named doctor"),
        )
    ):
        page.fill(f"#id_participants-{index}-name", name)
        page.fill(f"#id_participants-{index}-agency", agency)
        page.fill(f"#id_participants-{index}-role", role)
    page.fill("#id_information_shared", "The police's call-out log; A&E's notes")
    choose(page, "decision", "section_47")
    page.fill("#id_actions_agreed", "Joint visit with the police today")
    accessible(page)
    press(page, "Record the strategy discussion")
    expect_success(page, "Strategy discussion recorded")
    accessible(page)

    page.get_by_role("link", name="Start the section 47 enquiry").click()
    fill_date(page, "started_on", strat)
    page.fill("#id_record", "Joint visit with DS Corrin; Wren seen alone.")
    accessible(page)
    press(page, "Start the enquiry")
    expect_success(page, "Section 47 enquiry started")
    accessible(page)
    enquiry = Section47Enquiry.objects.get(episode__person=child)
    # The enquiry has no day count of its own (CP-S47): its initial
    # conference is due 15 working days from the discussion.
    on_the_queue(
        page,
        base,
        MY_WORK,
        "Hold the initial child protection conference",
        due(child, "CP-ICPC", enquiry.pk),
    )
    return enquiry


def _enquiry_found_harm_and_conference_arranged(
    page: Page, base: str, enquiry: Section47Enquiry, icpc: dt.date
) -> None:
    """The enquiry finds likely significant harm; the worker books the initial
    conference, which is on the chair's queue with its due date."""
    as_user(page, base, "social-worker")
    page.goto(f"{base}/child-protection/enquiries/{enquiry.pk}/")
    choose(page, "outcome", "significant_harm")
    fill_date(page, "completed_on", clock.today())
    accessible(page)
    press(page, "Record the outcome")
    expect_success(page, "Outcome of the enquiry recorded")
    on_the_queue(
        page, base, MY_WORK, "Hold the initial child protection conference", icpc
    )
    page.goto(f"{base}/child-protection/enquiries/{enquiry.pk}/")
    page.get_by_role("link", name="Arrange the initial conference").click()
    chair = User.objects.get(username="cp-chair")
    fill_date(page, "planned_on", icpc)
    select(page, "chair", value=str(chair.pk))
    accessible(page)
    press(page, "Arrange the conference")
    expect_success(page, "Initial child protection conference arranged for")

    as_user(page, base, "cp-chair")
    on_the_queue(
        page,
        base,
        CHAIRS_QUEUE,
        f"Hold the initial child protection conference (arranged for {icpc:%-d %B %Y})",
        icpc,
    )


def _fill_attendance(page: Page) -> None:
    page.fill("#id_attendance-0-agency", "Children's social care")
    page.fill("#id_attendance-0-name", "Sam Social-Worker")
    page.check("#id_attendance-0-attended")
    page.fill("#id_attendance-1-agency", "School")
    page.fill("#id_attendance-1-name", "Mr Hale")
    page.fill("#id_attendance-1-role", "Designated safeguarding lead")
    page.check("#id_attendance-1-attended")
    page.check("#id_attendance-1-report")


def _initial_conference_starts_the_plan(
    page: Page, base: str, child: Person, enquiry: Section47Enquiry, icpc: dt.date
) -> ChildProtectionPlan:
    """On the day it is due, as booked: the conference starts a plan, whose
    concerns the worker writes; the chair signs the record off."""
    as_user(page, base, "cp-chair")
    on_the_queue(page, base, CHAIRS_QUEUE, "Hold the initial", icpc)
    as_user(page, base, "social-worker")
    on_the_queue(
        page, base, MY_WORK, "Hold the initial child protection conference", icpc
    )
    page.goto(f"{base}/child-protection/enquiries/{enquiry.pk}/")
    page.get_by_role("link", name="Record the initial conference").click()
    choose(page, "kind", "initial")
    _fill_attendance(page)
    page.fill("#id_family_views", "Mum attended and wants help")
    page.fill("#id_child_views", "Wren told her teacher she is scared at bedtime")
    choose(page, "decision", "plan")
    choose(page, "category", "PHY")
    accessible(page)
    press(page, "Record the conference")
    expect_success(page, "the child protection plan has started")
    plan = ChildProtectionPlan.objects.get(person=child)
    assert plan.started_on == icpc

    page.fill("#id_concerns-0-concern", "Wren was burnt and no one explains how")
    page.fill("#id_concerns-0-what_must_change", "Wren is safe from harm at home")
    page.fill("#id_concerns-0-family_will", "Mum and Dad attend the parenting course")
    page.fill("#id_concerns-0-agencies_will", "School checks in each morning")
    fill_date(page, "concerns-0-by_when", add_working_days(icpc, 40))
    page.fill("#id_concerns-0-progress_seen", "No new injuries; course attended")
    page.fill("#id_concerns-0-if_not", "A review conference considers legal advice")
    accessible(page)
    press(page, "Save the concerns")
    expect_success(page, "The plan's concerns are saved")
    accessible(page)

    as_user(page, base, "cp-chair")
    page.goto(f"{base}{CHAIRS_QUEUE}")
    page.locator("tr", has_text=CHILD).get_by_role(
        "link", name="Sign off the record"
    ).click()
    accessible(page)
    press(page, "Sign off the record")
    expect_success(page, "Record signed off")
    return plan


def _visit(page: Page, base: str, child: Person, visit: dt.date) -> None:
    """On the day a visit is due, from My work: the child seen, alone."""
    as_user(page, base, "social-worker")
    title = "Visit the child on a child protection plan and see them"
    on_the_queue(page, base, MY_WORK, title, visit)
    # The row opens the visit note itself (issue 15: a visit in two clicks).
    page.locator("tr", has_text=CHILD).get_by_role("link", name=title).click()
    expect(page.locator("input[name='kind'][value='visit']")).to_be_checked()
    fill_date(page, "occurred_on", visit)
    page.fill("#id_occurred_time", "09:30")
    choose(page, "statutory_visit", "yes")
    choose(page, "visit_place", "home")
    choose(page, "announced", "no")
    choose(page, "bedroom_seen", "yes")
    choose(page, f"seen_{child.pk}", "yes")
    choose(page, f"alone_{child.pk}", "yes")
    page.fill("#id_subject", "Child protection visit")
    page.fill("#id_body", "Wren showed me her room; the safety plan is in place.")
    accessible(page)
    press(page, "Save")
    expect_success(page, "Note recorded")
    # The next visit is due from this one.
    assert due(child, "CP-VISIT", child.pk) > visit


def _core_group(
    page: Page, base: str, plan: ChildProtectionPlan, core1: dt.date
) -> None:
    as_user(page, base, "social-worker")
    on_the_queue(page, base, MY_WORK, "Hold the first core group meeting", core1)
    page.goto(f"{base}/child-protection/plans/{plan.pk}/")
    accessible(page)
    page.get_by_role("link", name="Record a core group").click()
    fill_date(page, "held_on", core1)
    _fill_attendance(page)
    page.fill("#id_progress", "Mum and Dad have started the parenting course")
    accessible(page)
    press(page, "Record the core group")
    expect_success(page, "Core group recorded")
    assert due(plan.person, "CP-CORE-N", plan.pk) > core1


def _review_ends_the_plan_and_a_child_in_need_plan_starts(
    page: Page, base: str, child: Person, plan: ChildProtectionPlan, review: dt.date
) -> None:
    as_user(page, base, "cp-chair")
    on_the_queue(
        page,
        base,
        CHAIRS_QUEUE,
        "Hold the first review child protection conference",
        review,
    )
    as_user(page, base, "social-worker")
    on_the_queue(
        page, base, MY_WORK, "Hold the first review child protection conference", review
    )
    page.goto(f"{base}/child-protection/plans/{plan.pk}/")
    page.get_by_role("link", name="Record a review conference").click()
    fill_date(page, "held_on", review)
    select(page, "chair", value=str(User.objects.get(username="cp-chair").pk))
    _fill_attendance(page)
    choose(page, "decision", "end_plan")
    choose(page, "end_reason", "no_longer_at_risk")
    accessible(page)
    press(page, "Record the review conference")
    expect_success(page, "the plan has ended")
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason) == (review, "no_longer_at_risk")
    # Its duties end with it.
    assert selectors.next_due_on(child.pk, "CP-VISIT", child.pk) is None

    page.goto(f"{base}/children-in-need/people/{child.pk}/")
    accessible(page)
    page.get_by_role("link", name="Start a child in need plan").click()
    fill_date(page, "id_started_on", review)
    page.fill("#id_actions-0-what_must_change", "Wren stays safe at home.")
    page.fill("#id_actions-0-who", "Mum and Dad, with the family support worker")
    fill_date(page, "id_actions-0-by_when", review + dt.timedelta(days=42))
    page.fill("#id_actions-0-if_not_met", "We will hold a strategy discussion.")
    if page.locator("#id_primary_need").count():
        page.select_option("#id_primary_need", "N1")
    accessible(page)
    press(page, "Start the plan")
    expect_success(page, "Child in need plan started")
    accessible(page)
    on_the_queue(
        page,
        base,
        MY_WORK,
        "Visit",
        due(child, "CIN-VISIT", child.pk),
    )
