"""Children in need forms in a browser: starting the plan with several actions,
reviewing it, and closing the episode with a step down to early help."""

import datetime as dt

from playwright.sync_api import Page

from haven.cin import forms
from haven.cin.models import CinEpisode, Plan
from haven.core import clock
from haven.core.models import Allocation
from haven.earlyhelp.models import EarlyHelpRequest
from tests.browser.conftest import sign_in
from tests.browser.forms import scenes
from tests.browser.forms.coverage import covers
from tests.browser.forms.widgets import choose, expect_success, fill_date, press

ACTIONS = (
    ("Ottie goes to school every day", "Dad, with the school", 30, "A meeting"),
    ("The house is kept warm", "Mum and the housing officer", 45, "A referral"),
)


@covers(forms.StartPlanForm, forms.ActionForm, forms.ReviewForm, forms.CloseEpisodeForm)
def test_a_plan_is_started_reviewed_and_the_episode_closed(
    page: Page, live_server, demo
):
    child = scenes.child()
    episode = scenes.authorised_for_a_plan(child).episode
    today = clock.today()
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/children-in-need/episodes/{episode.pk}/start-plan/")

    fill_date(page, "started_on", today)
    # The primary need was chosen in the assessment, so the plan does not ask.
    for row, (what, who, days, otherwise) in enumerate(ACTIONS):
        page.fill(f"#id_actions-{row}-what_must_change", what)
        page.fill(f"#id_actions-{row}-who", who)
        fill_date(page, f"actions-{row}-by_when", today + dt.timedelta(days=days))
        page.fill(f"#id_actions-{row}-if_not_met", otherwise)
    press(page, "Start the plan")

    expect_success(page, "Child in need plan started")
    plan = Plan.objects.get(episode=episode)
    assert plan.started_on == today
    saved = {a.what_must_change: a for a in plan.actions.all()}
    assert set(saved) == {what for what, *_ in ACTIONS}
    for what, who, days, otherwise in ACTIONS:
        assert saved[what].who == who
        assert saved[what].by_when == today + dt.timedelta(days=days)
        assert saved[what].if_not_met == otherwise
    assert CinEpisode.objects.get(pk=episode.pk).primary_need == "N1"

    fill_date(page, "held_on", today)
    page.fill("#id_attended", "The child, their mother, the school's head of year")
    page.fill("#id_childs_views", "I like going to school now.")
    page.fill("#id_parents_views", "Mother says the house is warmer.")
    page.fill("#id_summary", "School attendance is up; the heating is fixed.")
    choose(page, "decision", "change")
    fill_date(page, "next_review_on", today + dt.timedelta(days=42))
    press(page, "Record the review")

    expect_success(page, "Review recorded")
    review = plan.reviews.get()
    assert review.held_on == today
    assert review.summary == "School attendance is up; the heating is fixed."
    assert review.decision == "change"
    assert review.attended == "The child, their mother, the school's head of year"
    assert review.childs_views == "I like going to school now."
    assert review.parents_views == "Mother says the house is warmer."
    assert review.next_review_on == today + dt.timedelta(days=42)

    page.goto(f"{live_server.url}/children-in-need/episodes/{episode.pk}/close/")
    fill_date(page, "closed_on", today)
    choose(page, "reason", "RC7")
    page.fill("#id_summary", "The plan's actions are met. No longer in need.")
    page.check("#id_step_down")
    press(page, "Close the episode")

    expect_success(page, "Child in need episode closed")
    episode.refresh_from_db()
    assert episode.closed_on == today
    assert episode.closure_reason == "RC7"
    assert episode.closing_summary == "The plan's actions are met. No longer in need."
    assert EarlyHelpRequest.objects.filter(
        person=child, closed_on__isnull=True
    ).exists()


@covers(forms.CloseEpisodeForm)
def test_a_closed_episode_leaves_the_workers_caseload(page: Page, live_server, demo):
    child = scenes.child()
    episode = scenes.authorised_for_a_plan(child).episode
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/children-in-need/episodes/{episode.pk}/close/")
    fill_date(page, "closed_on", clock.today())
    choose(page, "reason", "RC7")
    page.fill("#id_summary", "No longer in need.")
    press(page, "Close the episode")

    expect_success(page, "Child in need episode closed")
    assert not Allocation.objects.filter(
        person=child, ended_on__isnull=True, worker__username="social-worker"
    ).exists()


def _referral_only(child):
    """The child referred today, with no assessment started."""
    from haven.cin import services

    manager = scenes.staff("social-worker").team.managers.get()
    return services.open_referral(
        child, received_on=clock.today(), source="2A", contact_id=None, by=manager
    )


@covers(forms.CloseEpisodeForm)
def test_a_referral_closes_as_no_further_action_with_no_assessment(
    page: Page, live_server, demo
):
    child = scenes.child()
    episode = _referral_only(child)
    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/children-in-need/people/{child.pk}/")
    page.get_by_role("link", name="Close: no further action").click()

    fill_date(page, "closed_on", clock.today())
    choose(page, "reason", "RC7")
    page.fill("#id_summary", "The school's worry was answered: no further action.")
    press(page, "Close the episode")

    expect_success(page, "Child in need episode closed")
    episode.refresh_from_db()
    assert (episode.closure_reason, episode.referral_nfa) == ("RC7", True)


@covers(forms.CloseEpisodeForm)
def test_the_worker_closes_after_no_further_action_choosing_the_reason(
    page: Page, live_server, demo
):
    from playwright.sync_api import expect

    from haven.assessments import services as assessments
    from haven.assessments.codes import SECTION_FIELDS

    child = scenes.child()
    assessment = scenes.referred(child)
    worker = scenes.staff("social-worker")
    changes = {name: "Written by the worker" for name in SECTION_FIELDS}
    changes.update(reason="Referred by school", factors=["21"], outcome="nfa")
    assessments.save_assessment(assessment, changes, primary_need="N9", by=worker)
    assessments.submit_assessment(assessment, by=worker)
    assessments.authorise_assessment(assessment, by=worker.team.managers.get())

    sign_in(page, live_server.url, "social-worker")
    page.goto(f"{live_server.url}/assessments/{assessment.pk}/")
    page.get_by_role("link", name="Close the child in need episode").click()
    # The outcome's proposal is chosen, for the worker to check.
    expect(page.locator("input[name=reason][value=RC8]")).to_be_checked()
    # The family moved away before anything more could be done.
    choose(page, "reason", "RC5")
    fill_date(page, "closed_on", clock.today())
    page.fill("#id_summary", "The family moved to another authority's area.")
    press(page, "Close the episode")

    expect_success(page, "Child in need episode closed")
    episode = CinEpisode.objects.get(pk=assessment.episode_id)
    assert (episode.closure_reason, episode.referral_nfa) == ("RC5", False)
