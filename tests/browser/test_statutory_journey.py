"""The statutory journey in a browser: a contact at the front door, the manager's
decision to refer, the single assessment (refused once, then submitted),
authorisation by another manager, the child in need plan, its review and the
closure of the episode, with the chronology and My work checked on the way."""

import datetime as dt

from playwright.sync_api import Page, expect

from haven.assessments.codes import Factor
from haven.core import clock
from haven.core.models import User
from tests.browser.conftest import (
    serious_accessibility_violations,
    sign_in,
    sign_out,
)
from tests.browser.forms.widgets import fill_date

CHILD = "Ottilie Wraxall"  # not a demo name: the front door registers her


def _open_child_tab(page: Page, tab: str) -> None:
    page.locator("nav[aria-label='Record navigation']").get_by_role(
        "link", name=tab
    ).click()


def _chronology(page: Page, *events: str) -> None:
    _open_child_tab(page, "Chronology")
    table = page.locator("#chronology")
    for words in events:
        expect(table).to_contain_text(words)


def test_contact_to_closure(page: Page, live_server, demo):
    base = live_server.url
    today = clock.today()
    worker = User.objects.get(username="social-worker")
    assert worker.team is not None

    # 1. The front door records a contact about a child new to the register.
    sign_in(page, base, "front-door-worker")
    page.locator("#navigation").get_by_role("link", name="Front door").click()
    page.get_by_role("link", name="Record a new contact").click()
    expect(page.locator("h1")).to_have_text("Record a contact")
    page.select_option("#id_source", "2A")
    page.fill("#id_referrer_name", "Priya Anand")
    page.fill("#id_referrer_role", "Designated safeguarding lead")
    page.fill("#id_referrer_organisation", "Elmfield Primary School")
    page.fill("#id_referrer_phone", "01632 960123")
    page.fill("#id_child-0-given_name", "Ottilie")
    page.fill("#id_child-0-family_name", "Wraxall")
    page.fill("#id_child-0-date_of_birth_day", "14")
    page.fill("#id_child-0-date_of_birth_month", "2")
    page.fill("#id_child-0-date_of_birth_year", "2018")
    page.fill(
        "#id_concerns",
        "Ottilie has come to school hungry and in the same clothes all week.",
    )
    page.check("input[name=consent][value=given]")
    assert serious_accessibility_violations(page) == []
    page.click("button:has-text('Record the contact')")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Contact recorded"
    )
    expect(page.locator("#children")).to_contain_text(CHILD)
    expect(page.locator("#children")).to_contain_text("Awaiting decision")
    sign_out(page)

    # 2. The front door's manager decides: a referral for assessment.
    sign_in(page, base, "team-manager")
    page.locator("#navigation").get_by_role("link", name="Front door").click()
    waiting = page.locator("tr", has_text=CHILD)
    waiting.get_by_role("link", name="Decide on this contact").click()
    expect(page.locator("h1")).to_have_text("Decide what happens next")
    page.get_by_label("Phone call").check()  # the referrer acknowledged today
    page.get_by_label("Referral to social care for assessment").check()
    page.get_by_label("Threshold level").select_option(
        "Level 4: specialist (statutory)"
    )
    page.get_by_label("Amber: act within days").check()
    page.get_by_label("Reasons for the decision").fill(
        "Persistent signs of neglect reported by school; needs a single assessment."
    )
    page.click("button:has-text('Record the decision')")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Decision recorded"
    )
    expect(page.locator("#children")).to_contain_text(
        "Referral to social care for assessment"
    )

    # The manager gives the case to a social worker in the assessment team.
    page.locator("#children").get_by_role("link", name=CHILD).click()
    _open_child_tab(page, "Case notes")
    page.locator("nav[aria-label='Casework']").get_by_role(
        "link", name="Allocation"
    ).click()
    page.select_option("#id_team", label=worker.team.name)
    page.select_option("#id_worker", str(worker.pk))
    page.check("input[name=change_reason][value=FCONTA]")
    page.fill("#id_reason", "Single assessment after the front door referral.")
    page.click("button:has-text('Save the allocation')")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Case transferred"
    )
    _chronology(
        page,
        "Contact received from schools",
        "Contact decision: Referral to social care for assessment",
        "Referral received: child in need episode opened",
    )
    sign_out(page)

    # 3. The allocated worker sees the assessment due, and completes it.
    sign_in(page, base, "social-worker")
    page.locator("#navigation").get_by_role("link", name="My work").click()
    due = page.locator("tr", has_text=CHILD)
    expect(due).to_contain_text("Complete and authorise the single assessment")
    due.get_by_role("link", name="Complete and authorise the single assessment").click()
    expect(page.locator("h1")).to_have_text("Single assessment")
    assert serious_accessibility_violations(page) == []
    # The census asks for the child's disabilities by authorisation: the page
    # says so and links to the child's details, where the worker records them.
    assessment_page = page.url
    page.get_by_role("link", name="Record the child's disabilities").click()
    page.check("input[name=disabilities][value=NONE]")
    page.fill("#id_reason", "Disabilities asked at the first visit")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Details saved")
    page.goto(assessment_page)
    expect(page.locator("#disabilities-needed")).to_have_count(0)

    page.fill("#id_reason", "Referred by school: possible neglect.")
    page.select_option("#id_primary_need", "N1")
    page.fill("#id_childs_voice", "Ottilie said she is hungry at bedtime.")
    page.fill("#id_risks", "Neglect of basic care is likely to continue.")
    page.fill("#id_strengths", "Mum engages and wants help.")
    page.fill("#id_protective_factors", "Grandmother lives nearby and visits.")
    page.fill("#id_recommendation", "A child in need plan with family support.")
    page.get_by_label(Factor.NEGLECT.label, exact=True).check()
    page.get_by_label("Child in need plan", exact=True).check()
    page.click("button:has-text('Submit for authorisation')")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Write the analysis before submitting")
    expect(page.locator("#id_reason")).to_have_value(
        "Referred by school: possible neglect."
    )
    expect(page.locator("#id_recommendation")).to_have_value(
        "A child in need plan with family support."
    )
    expect(page.get_by_label(Factor.NEGLECT.label, exact=True)).to_be_checked()
    expect(page.get_by_label("Child in need plan", exact=True)).to_be_checked()

    page.fill(
        "#id_analysis",
        "Needs are unmet but the family can change with support: not at risk of "
        "significant harm.",
    )
    page.click("button:has-text('Submit for authorisation')")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Assessment submitted for authorisation"
    )
    expect(page.locator("#assessment-summary")).to_contain_text(
        "Submitted for authorisation"
    )
    assessment_url = page.url
    sign_out(page)

    # 4. The assessment team's manager authorises it.
    sign_in(page, base, "team-manager2")
    page.locator("#navigation").get_by_role("link", name="To authorise").click()
    page.locator("tr", has_text=CHILD).get_by_role("link").first.click()
    assert page.url == assessment_url
    page.click("button:has-text('Authorise the assessment')")
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(
        "Assessment authorised"
    )
    expect(page.locator("#assessment-summary")).to_contain_text("Authorised")
    sign_out(page)

    # 5. The worker starts the plan, reviews it and closes the episode.
    sign_in(page, base, "social-worker")
    page.goto(assessment_url)
    page.get_by_role("link", name="Start the child in need plan").click()
    expect(page.locator("h1")).to_have_text("Start a child in need plan")
    fill_date(page, "id_started_on", today)
    page.fill("#id_actions-0-what_must_change", "Ottilie has breakfast every day.")
    page.fill("#id_actions-0-who", "Mum, with the family support worker")
    fill_date(page, "id_actions-0-by_when", today + dt.timedelta(days=42))
    page.fill("#id_actions-0-if_not_met", "We will hold a strategy discussion.")
    page.click("button:has-text('Start the plan')")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Child in need plan started"
    )
    expect(page.locator("h1")).to_have_text("Child in need plan")
    expect(page.locator("#actions")).to_contain_text("Ottilie has breakfast")
    assert serious_accessibility_violations(page) == []

    fill_date(page, "id_held_on", today)
    page.fill("#id_attended", "Ottilie, her mother and the family support worker")
    page.fill("#id_summary", "Breakfast club started; Ottilie says she is less tired.")
    page.get_by_label("Continue the plan", exact=True).check()
    page.click("button:has-text('Record the review')")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Review recorded"
    )
    expect(page.locator("#reviews")).to_contain_text("Breakfast club started")

    page.click("a:has-text('Back to children in need')")
    page.click("a:has-text('Close the episode')")
    fill_date(page, "id_closed_on", today)
    page.check("input[name=reason][value=RC7]")
    page.fill(
        "#id_summary",
        "The plan's actions are met: Ottilie is fed and rested. No longer in need.",
    )
    page.click("button:has-text('Close the episode')")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Child in need episode closed"
    )
    expect(page.locator("#main-content")).to_contain_text("Closed")
    expect(page.locator("#main-content")).to_contain_text("RC7")

    _chronology(
        page,
        "Contact received from schools",
        "Referral received: child in need episode opened",
        "Single assessment submitted for authorisation",
        "Single assessment authorised. Outcome:",
        "Child in need plan started with 1 action",
        "Child in need plan reviewed: continue the plan",
        "Child in need episode closed: Services ceased",
    )
