"""Child protection forms in a browser: a strategy discussion with its
participants, the section 47 enquiry and what it found, the initial
conference starting a plan, the plan's concerns, a core group and a review
conference ending the plan; and the refusals' words in the error summary."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.cin import services as cin
from haven.cin.models import CinEpisode
from haven.core import clock
from haven.people.models import Person
from haven.protection import enquiries, strategy
from haven.protection import forms as cp
from haven.protection.models import (
    ChildProtectionPlan,
    Section47Enquiry,
    StrategyDiscussion,
)
from tests.browser.conftest import sign_in
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

PEOPLE = (
    ("Dana Whitlow", "Children's social care", "Social worker"),
    ("DC Arlo Venn", "Police", "Detective constable"),
    ("Dr Ines Marr", "Health", "Named nurse"),
)


def day(n: int) -> dt.date:
    """`n` days after the Monday four weeks before this week's (n % 7 < 5 is
    a weekday)."""
    today = clock.today()
    return today - dt.timedelta(days=today.weekday(), weeks=4) + dt.timedelta(n)


def _referred(child: Person) -> CinEpisode:
    manager = child.allocations.get(ended_on__isnull=True).team.managers.get()
    return cin.open_referral(
        child, received_on=day(0), source="2A", contact_id=None, by=manager
    )


def _fill_people(page: Page, prefix: str, rows) -> None:
    for index, (name, agency, role) in enumerate(rows):
        page.fill(f"#id_{prefix}-{index}-name", name)
        page.fill(f"#id_{prefix}-{index}-agency", agency)
        page.fill(f"#id_{prefix}-{index}-role", role)


@covers(
    cp.StrategyForm,
    cp.ParticipantForm,
    cp.StartEnquiryForm,
    cp.EnquiryOutcomeForm,
)
def test_a_strategy_discussion_starts_an_enquiry_that_calls_a_conference(
    page: Page, live_server, demo
):
    child = scenes.child()
    episode = _referred(child)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/children-in-need/people/{child.pk}/")
    page.get_by_role("link", name="Record a strategy discussion").click()

    fill_date(page, "held_on", day(1))
    _fill_people(page, "participants", PEOPLE)
    page.fill("#id_information_shared", "Bruising seen at school on both arms")
    choose(page, "decision", "section_47")
    page.fill("#id_actions_agreed", "Joint visit by police and social worker")
    press(page, "Record the strategy discussion")

    expect_success(page, "Strategy discussion recorded")
    discussion = StrategyDiscussion.objects.get(episode=episode)
    assert discussion.held_on == day(1)
    assert [(p["name"], p["agency"], p["role"]) for p in discussion.participants] == [
        *PEOPLE
    ]
    assert discussion.decision == "section_47"
    assert discussion.actions_agreed == "Joint visit by police and social worker"

    page.get_by_role("link", name="Start the section 47 enquiry").click()
    fill_date(page, "started_on", day(1))
    fill_date(page, "icpc_target", day(15))
    page.fill("#id_record", "Visited with DC Venn")
    press(page, "Start the enquiry")

    expect_success(page, "Section 47 enquiry started")
    found = Section47Enquiry.objects.get(episode=episode)
    assert (found.started_on, found.icpc_target) == (day(1), day(15))
    assert found.record == "Visited with DC Venn"

    choose(page, "outcome", "significant_harm")
    fill_date(page, "completed_on", day(8))
    press(page, "Record the outcome")

    expect_success(page, "Outcome of the enquiry recorded")
    found.refresh_from_db()
    assert (found.outcome, found.completed_on) == ("significant_harm", day(8))
    expect(
        page.get_by_role("link", name="Record the initial conference")
    ).to_be_visible()


def _enquiry_found_harm(child: Person) -> Section47Enquiry:
    episode = _referred(child)
    worker = scenes.staff("social-worker")
    typed = strategy.Discussion(
        held_on=day(1),
        participants=[{"name": "Dana Whitlow", "agency": "Social care"}],
        information_shared="Bruising seen at school",
        decision="section_47",
    )
    discussion = strategy.record_strategy_discussion(episode, typed, by=worker)
    found = enquiries.start_section_47(discussion, started_on=day(1), by=worker)
    return enquiries.record_section_47_outcome(
        found, outcome="significant_harm", completed_on=day(8), by=worker
    )


CONCERN = {
    "concern": "Marnie has bruises no one explains",
    "what_must_change": "Marnie is safe from being hurt at home",
    "family_will": "Mum and Dad go to the parenting course every week",
    "agencies_will": "School checks in each morning; health visitor visits",
    "progress_seen": "No new bruises; course attendance reported",
    "if_not": "A review conference considers legal advice",
}


def _fill_concern(page: Page, index: int, by_when: dt.date) -> None:
    for name, text in CONCERN.items():
        page.fill(f"#id_concerns-{index}-{name}", text)
    fill_date(page, f"concerns-{index}-by_when", by_when)


def _fill_agencies(page: Page) -> None:
    page.fill("#id_attendance-0-agency", "Children's social care")
    page.fill("#id_attendance-0-name", "Dana Whitlow")
    page.check("#id_attendance-0-attended")
    page.fill("#id_attendance-1-agency", "School")
    page.fill("#id_attendance-1-name", "Mr Hale")
    page.fill("#id_attendance-1-role", "Designated safeguarding lead")
    page.check("#id_attendance-1-report")


@covers(
    cp.InitialConferenceForm,
    cp.AttendeeForm,
    cp.ConcernForm,
    cp.CoreGroupForm,
    cp.ReviewConferenceForm,
)
def test_a_conference_starts_a_plan_written_reviewed_and_ended(
    page: Page, live_server, demo
):
    child = scenes.child()
    found = _enquiry_found_harm(child)
    chair = scenes.staff("cp-chair")
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/child-protection/enquiries/{found.pk}/")
    page.get_by_role("link", name="Record the initial conference").click()

    choose(page, "kind", "initial")
    fill_date(page, "held_on", day(10))
    select(page, "chair", value=str(chair.pk))
    _fill_agencies(page)
    page.fill("#id_family_views", "Mum attended and disagrees with the concerns")
    page.fill("#id_child_views", "Marnie told the school she is scared")
    choose(page, "decision", "plan")
    choose(page, "category", "PHY")
    press(page, "Record the conference")

    expect_success(page, "the child protection plan has started")
    plan = ChildProtectionPlan.objects.get(person=child)
    conference = plan.starting_conference
    assert (plan.started_on, plan.initial_category) == (day(10), "PHY")
    assert conference.chair == chair
    assert conference.family_views == "Mum attended and disagrees with the concerns"
    assert [
        (a["agency"], a["attended"], a["report"]) for a in conference.attendance
    ] == [
        ("Children's social care", True, False),
        ("School", False, True),
    ]

    _fill_concern(page, 0, day(40))
    press(page, "Save the concerns")
    expect_success(page, "The plan's concerns are saved")
    saved = plan.concerns.get()
    assert saved.by_when == day(40)
    assert {name: getattr(saved, name) for name in CONCERN} == CONCERN
    expect(page.locator("#concern-1")).to_contain_text(CONCERN["if_not"])
    page.get_by_role("link", name="Print the plan for the family").click()
    expect(page.locator("main")).to_contain_text(CONCERN["family_will"])
    page.go_back()

    page.get_by_role("link", name="Record a core group").click()
    fill_date(page, "held_on", day(15))
    _fill_agencies(page)
    page.fill("#id_progress", "Mum has started the course")
    press(page, "Record the core group")
    expect_success(page, "Core group recorded")
    group = plan.core_groups.get()
    assert (group.held_on, group.progress) == (day(15), "Mum has started the course")

    page.get_by_role("link", name="Record a review conference").click()
    fill_date(page, "held_on", day(21))
    select(page, "chair", value=str(chair.pk))
    _fill_agencies(page)
    choose(page, "decision", "end_plan")
    choose(page, "end_reason", "no_longer_at_risk")
    press(page, "Record the review conference")
    expect_success(page, "the plan has ended")
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason) == (day(21), "no_longer_at_risk")


@covers(cp.StrategyForm, cp.ParticipantForm, cp.InitialConferenceForm)
def test_every_refusal_is_in_the_error_summary_and_nothing_typed_is_lost(
    page: Page, live_server, demo
):
    child = scenes.child()
    episode = _referred(child)
    sign_in(page, live_server.url, "social-worker")
    page.goto(
        f"{live_server.url}/child-protection/episodes/{episode.pk}/strategy-discussion/"
    )
    page.fill("#id_participants-0-name", "DC Arlo Venn")
    page.fill("#id_information_shared", "Bruising seen at school")
    choose(page, "decision", "no_section_47")
    press(page, "Record the strategy discussion")

    expect_errors(
        page,
        "Enter the date of the discussion",
        "Participant 1: enter their agency",
        "Say why there are to be no section 47 enquiries",
    )
    expect(page.locator("#id_participants-0-name")).to_have_value("DC Arlo Venn")
    expect(page.locator("#id_information_shared")).to_have_value(
        "Bruising seen at school"
    )
    assert not StrategyDiscussion.objects.filter(episode=episode).exists()

    # A conference refused for several reasons, all shown together.
    found = _enquiry_found_harm(scenes.child())
    saturday = day(12)
    page.goto(
        f"{live_server.url}/child-protection/enquiries/{found.pk}/initial-conference/"
    )
    fill_date(page, "held_on", saturday)
    choose(page, "decision", "plan")
    press(page, "Record the conference")
    expect_errors(
        page,
        "A conference cannot be held at a weekend",
        "Choose who chaired the conference",
        "Record who was invited and who attended, by agency",
        "Choose the category of abuse",
    )
    expect(page.locator("#id_held_on_day")).to_have_value(str(saturday.day))
