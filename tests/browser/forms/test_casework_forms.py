"""Casework forms filled in a browser: a case note for several children, a case
supervision with its actions, the oversight policy, a transfer, and the buttons
that discard a draft and mark an action done."""

import datetime as dt

from django.utils import timezone
from playwright.sync_api import Page, expect

from haven.casework import forms
from haven.casework.models import CaseNote, Draft, OversightPolicy, Supervision
from haven.core import clock
from haven.core.models import Allocation, Team, User
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
    tick,
)


@covers(forms.NoteForm)
def test_a_note_is_recorded_on_every_child_ticked(page: Page, live_server, demo):
    first, second, third = scenes.siblings()
    yesterday = clock.today() - dt.timedelta(days=1)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/casework/people/{first.pk}/notes/new/")

    expect(page.locator(f"input[name=children][value='{first.pk}']")).to_be_checked()
    tick(page, "children", second.pk, third.pk)
    choose(page, "kind", "visit")
    fill_date(page, "occurred_on", yesterday)
    page.fill("#id_occurred_time", "14:30")
    choose(page, "statutory_visit", "yes")
    choose(page, "visit_place", "home")
    choose(page, "announced", "no")
    choose(page, "bedroom_seen", "yes")
    # Each child's own answers: seen alone; seen with mum there; a baby.
    choose(page, f"seen_{first.pk}", "yes")
    choose(page, f"alone_{first.pk}", "not_applicable")
    choose(page, f"seen_{second.pk}", "yes")
    choose(page, f"alone_{second.pk}", "no")
    choose(page, f"seen_{third.pk}", "yes")
    choose(page, f"alone_{third.pk}", "yes")
    page.check("#id_significant")
    page.fill("#id_subject", "Home visit to the three children")
    page.fill("#id_body", "All three were at home with their mother.")
    page.fill("#id_impact", "The children were relaxed and played together.")
    press(page, "Save")
    expect_errors(page, f"Say why {second.full_name} was not seen alone")
    page.fill(f"#id_reason_{second.pk}", "He would not leave his mother's side.")
    press(page, "Save")

    expect_success(page, "Note recorded on 3 children's records")
    notes = CaseNote.objects.filter(subject="Home visit to the three children")
    assert sorted(n.person_id for n in notes) == sorted([first.pk, second.pk, third.pk])
    when = timezone.make_aware(dt.datetime.combine(yesterday, dt.time(14, 30)))
    for note in notes:
        assert note.kind == "visit"
        assert note.occurred_at == when
        assert note.body == "All three were at home with their mother."
        assert note.impact == "The children were relaxed and played together."
        assert note.child_seen and note.significant
        assert (note.statutory_visit, note.visit_place) == (True, "home")
        assert (note.announced, note.bedroom_seen) == (False, "yes")
    answers = {
        n.person_id: (n.seen_alone, n.alone_not_applicable, n.not_alone_reason)
        for n in notes
    }
    assert answers == {
        first.pk: (False, True, ""),
        second.pk: (False, False, "He would not leave his mother's side."),
        third.pk: (True, False, ""),
    }
    assert len({n.group for n in notes}) == 1
    # Saving the note ends its draft.
    assert (
        not Draft.objects.filter(author__username="social-worker")
        .filter(person=first)
        .exists()
    )


@covers("casework/drafts.html")
def test_a_worker_discards_a_draft_from_their_drafts(page: Page, live_server, demo):
    child = scenes.child()
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/casework/people/{child.pk}/notes/new/?kind=visit")
    page.locator("#id_subject").press_sequentially("Visit to be thrown away")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved at")
    assert Draft.objects.filter(
        person=child, fields__subject=["Visit to be thrown away"]
    ).exists()

    page.goto(f"{live_server.url}/casework/drafts/")
    row = page.locator("tr", has_text="Visit to be thrown away")
    row.get_by_role("button", name="Discard").click()

    expect_success(page, "Draft discarded")
    expect(page.locator("tr", has_text="Visit to be thrown away")).to_have_count(0)
    assert not Draft.objects.filter(
        person=child, fields__subject=["Visit to be thrown away"]
    ).exists()


@covers("casework/record_note.html")
def test_a_worker_discards_a_resumed_draft_and_starts_again(
    page: Page, live_server, demo
):
    child = scenes.child()
    new_note = f"{live_server.url}/casework/people/{child.pk}/notes/new/?kind=visit"
    sign_in(page, live_server.url, "social-worker")
    page.goto(new_note)
    page.locator("#id_subject").press_sequentially("Visit I will not finish")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved at")

    page.goto(new_note)
    expect(page.locator("#id_subject")).to_have_value("Visit I will not finish")
    page.get_by_role("button", name="Discard draft").click()

    expect(page.locator("h1")).to_have_text("Record a case note")
    expect(page.locator("#id_subject")).to_have_value("")
    expect(page.get_by_role("button", name="Discard draft")).to_have_count(0)
    assert not Draft.objects.filter(
        person=child, fields__subject=["Visit I will not finish"]
    ).exists()


@covers(forms.NoteForm)
def test_a_resumed_draft_asks_whether_a_child_was_seen_before_seen_alone(
    page: Page, live_server, demo
):
    first, second, _ = scenes.siblings()
    new_note = f"{live_server.url}/casework/people/{first.pk}/notes/new/?kind=visit"
    sign_in(page, live_server.url, "social-worker")
    page.goto(new_note)
    tick(page, "children", second.pk)
    page.locator("#id_subject").press_sequentially("Visit to finish later")
    expect(page.locator("#draft-status")).to_contain_text("Draft saved at")
    saved = Draft.objects.filter(
        person=first, fields__subject=["Visit to finish later"]
    )
    for _ in range(50):
        if saved.exists():
            break
        page.wait_for_timeout(100)

    page.goto(new_note)
    expect(page.locator("#id_subject")).to_have_value("Visit to finish later")
    fill_date(page, "occurred_on", clock.today() - dt.timedelta(days=1))
    page.fill("#id_occurred_time", "11:00")
    choose(page, "statutory_visit", "yes")
    choose(page, "visit_place", "home")
    choose(page, "announced", "yes")
    choose(page, "bedroom_seen", "yes")
    choose(page, f"seen_{first.pk}", "yes")
    choose(page, f"alone_{first.pk}", "yes")
    page.fill("#id_body", "Both children were at home.")
    press(page, "Save")
    expect_errors(page, f"Say whether {second.full_name} was seen")
    summary = page.locator(".govuk-error-summary")
    expect(summary).not_to_contain_text(f"{second.full_name} was seen alone")


@covers(forms.SupervisionForm, forms.ActionForm, "casework/supervisions.html")
def test_a_manager_records_supervision_with_actions(page: Page, live_server, demo):
    child = scenes.child()
    worker = scenes.staff("social-worker")
    manager = worker.team.managers.get()
    today = clock.today()
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/casework/people/{child.pk}/supervision/")
    page.get_by_role("link", name="Record a case supervision").click()

    # The child's social worker is proposed as the person supervised.
    expect(page.locator("#id_supervisee")).to_have_value(str(worker.pk))
    select(page, "supervisee", value=str(worker.pk))
    fill_date(page, "held_on", today - dt.timedelta(days=2))
    page.fill("#id_discussion", "Talked through school attendance.")
    page.fill("#id_reflections", "Attendance is improving.")
    page.fill("#id_decisions", "Keep the plan as it is.")
    page.fill("#id_action0-description", "Call the school")
    select(page, "action0-owner", value=str(worker.pk))
    fill_date(page, "action0-due_on", today + dt.timedelta(days=7))
    page.fill("#id_action1-description", "Book a family meeting")
    select(page, "action1-owner", value=str(manager.pk))
    fill_date(page, "action1-due_on", today + dt.timedelta(days=14))
    press(page, "Save supervision")

    expect_success(page, "Supervision recorded")
    supervision = Supervision.objects.get(person=child)
    assert (supervision.manager, supervision.supervisee) == (manager, worker)
    assert supervision.held_on == today - dt.timedelta(days=2)
    assert supervision.discussion == "Talked through school attendance."
    assert supervision.reflections == "Attendance is improving."
    assert supervision.decisions == "Keep the plan as it is."
    actions = {a.description: a for a in supervision.actions.all()}
    assert set(actions) == {"Call the school", "Book a family meeting"}
    assert actions["Call the school"].owner == worker
    assert actions["Call the school"].due_on == today + dt.timedelta(days=7)
    assert actions["Book a family meeting"].owner == manager
    assert actions["Book a family meeting"].due_on == today + dt.timedelta(days=14)

    # The plain "Mark as done" form on the supervision list.
    call = actions["Call the school"]
    page.locator(f"#action-{call.pk}").get_by_role(
        "button", name="Mark as done"
    ).click()
    expect_success(page, "Action marked as done")
    call.refresh_from_db()
    assert call.done_on == today


@covers(forms.PolicyForm)
def test_an_administrator_changes_the_oversight_policy(page: Page, live_server, demo):
    starts = clock.today() + dt.timedelta(days=10)
    sign_in(page, live_server.url, "administrator")
    page.goto(f"{live_server.url}/casework/oversight/policy/")
    choose(page, "category", "other")
    page.fill("#id_weeks", "6")
    page.fill("#id_source", "Local oversight policy 2026")
    fill_date(page, "applies_from", starts)
    page.fill("#id_reason", "Agreed at the practice board.")
    press(page, "Save the policy")

    expect_success(page, "Oversight policy changed")
    # Not latest("recorded_at"): the installed defaults put back before the test
    # carry the real time, the session's clock starts at noon.
    policy = OversightPolicy.objects.get(changed_by__username="administrator")
    assert (policy.category, policy.weeks) == ("other", 6)
    assert policy.source == "Local oversight policy 2026"
    assert policy.applies_from == starts
    assert policy.reason == "Agreed at the practice board."
    assert policy.changed_by.username == "administrator"


@covers(forms.TransferForm)
def test_a_manager_transfers_a_case_to_another_team(page: Page, live_server, demo):
    child = scenes.child()
    manager = scenes.staff("social-worker").team.managers.get()
    team = Team.objects.get(name="Children in Need and Protection Team")
    to = User.objects.filter(team=team, groups__name="Social worker").first()
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/casework/people/{child.pk}/allocation/")
    select(page, "team", label=team.name)
    select(page, "worker", value=str(to.pk))
    choose(page, "change_reason", "TSPROC")
    page.fill("#id_reason", "A child in need plan is needed.")
    press(page, "Save the allocation")

    expect_success(page, "Case transferred")
    current = Allocation.objects.get(person=child, ended_on__isnull=True)
    assert (current.team, current.worker) == (team, to)
    assert current.reason == "A child in need plan is needed."
    assert (current.role, current.change_reason) == ("social_worker", "TSPROC")


@covers(forms.TransferForm)
def test_a_manager_allocates_an_iro_beside_the_social_worker(
    page: Page, live_server, demo
):
    child = scenes.child()
    manager = scenes.staff("social-worker").team.managers.get()
    iro = scenes.staff("independent-reviewing-officer")
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/casework/people/{child.pk}/allocation/")
    choose(page, "role", "iro")
    select(page, "team", label=iro.team.name)
    press(page, "Save the allocation")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose the independent reviewing officer"
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Give the reason for the change"
    )
    select(page, "worker", value=str(iro.pk))
    page.fill("#id_reason", "Came into care on a voluntary basis.")
    press(page, "Save the allocation")

    expect_success(page, "Independent reviewing officer allocated")
    held = Allocation.objects.filter(person=child, ended_on__isnull=True)
    assert {(a.role, a.worker_id) for a in held} >= {("iro", iro.pk)}
    assert held.filter(role="social_worker").exists()
    expect(page.locator("table")).to_contain_text("Independent reviewing officer")


@covers(forms.TransferForm)
def test_a_transfer_offers_only_teams_that_hold_cases(page: Page, live_server, demo):
    child = scenes.child()
    manager = scenes.staff("social-worker").team.managers.get()
    sign_in(page, live_server.url, manager.username)
    page.goto(f"{live_server.url}/casework/people/{child.pk}/allocation/")

    offered = page.locator("#id_team option").all_inner_texts()
    assert "Children in Need and Protection Team" in offered
    for team in ("Systems Administration", "Performance Team", "Placements Finance"):
        assert team not in offered
    # A SEND case officer can hold a role on the case (SEND officer).
    assert "SEND Team" in offered
