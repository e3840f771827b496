"""The front door's decision for a strategy discussion leads the manager straight
to recording it: the decision page, then the strategy discussion form on the
episode the decision opened, then the discussion on the child's episode; for
siblings decided together, a page listing each child's discussion to record."""

import re

from playwright.sync_api import Page, expect

from haven.cin.models import CinEpisode
from haven.core import clock
from haven.frontdoor import referrer, services
from haven.frontdoor.models import ContactChild
from haven.protection.models import StrategyDiscussion
from tests.browser.conftest import accessibility_violations, sign_in
from tests.browser.forms import scenes
from tests.browser.forms.widgets import (
    choose,
    expect_success,
    fill_date,
    press,
    select,
)


def _contact_about(child) -> ContactChild:
    return _contact_naming([child])[0]


def _contact_naming(children) -> list[ContactChild]:
    worker = scenes.staff("front-door-worker")
    contact = services.record_contact(
        {
            "received_at": clock.now(),
            "source": "2A",
            "referrer_name": "Ms Okafor",
            "referrer_role": "Designated safeguarding lead",
            "referrer_organisation": "Havenford Primary School",
            "referrer_phone": "01632 960321",
            "concerns": "Bruising to both arms; the child says her father did it.",
            "consent": "not_sought_risk",
            "consent_reason": "Asking could put the child at greater risk",
        },
        children,
        by=worker,
    )
    referrer.acknowledge(contact, on=clock.today(), how="phone", by=worker)
    return list(ContactChild.objects.filter(contact=contact).order_by("pk"))


def test_a_strategy_decision_leads_to_the_discussion_and_it_shows_on_the_episode(
    page: Page, live_server, demo
):
    child = scenes.child()
    named = _contact_about(child)
    sign_in(page, live_server.url, "team-manager")
    page.goto(f"{live_server.url}/front-door/contacts/{named.contact_id}/decide/")
    _decide_strategy(page, named)
    press(page, "Record the decision")

    # Straight to the strategy discussion, on the episode the decision opened.
    episode = CinEpisode.objects.get(person=child, closed_on=None)
    expect(page).to_have_url(
        re.compile(rf"/child-protection/episodes/{episode.pk}/strategy-discussion/$")
    )
    expect_success(page, "Decision recorded")
    expect(page.locator("h1")).to_have_text("Record a strategy discussion")

    _record_the_discussion(page)

    expect_success(page, "Strategy discussion recorded")
    held = StrategyDiscussion.objects.get(episode=episode)
    assert (held.held_on, held.decision) == (clock.today(), "section_47")
    expect(page.locator("main")).to_contain_text(
        f"{clock.today():%-d %B %Y}: Start section 47 enquiries"
    )


def _decide_strategy(page: Page, named: ContactChild) -> None:
    choose(page, f"child-{named.pk}-decision", "strategy")
    page.fill(
        f"#id_child-{named.pk}-reasoning",
        "Reasonable cause to suspect significant harm: strategy discussion today.",
    )
    select(page, f"child-{named.pk}-threshold", value="Level 4: specialist (statutory)")
    choose(page, f"child-{named.pk}-urgency", "red")


def _record_the_discussion(page: Page) -> None:
    fill_date(page, "held_on", clock.today())
    for index, (name, agency, role) in enumerate(
        (
            ("Ravi Holt", "Children's social care", "Team manager"),
            ("DS Mae Corrin", "Police", "Detective sergeant"),
        )
    ):
        page.fill(f"#id_participants-{index}-name", name)
        page.fill(f"#id_participants-{index}-agency", agency)
        page.fill(f"#id_participants-{index}-role", role)
    page.fill("#id_information_shared", "School's account and the police's records")
    choose(page, "decision", "section_47")
    page.fill("#id_actions_agreed", "Joint visit today")
    press(page, "Record the strategy discussion")


def test_siblings_decided_together_each_have_their_discussion_recorded(
    page: Page, live_server, demo
):
    children = scenes.siblings(count=2)
    named = _contact_naming(children)
    sign_in(page, live_server.url, "team-manager")
    page.goto(f"{live_server.url}/front-door/contacts/{named[0].contact_id}/decide/")
    for each in named:
        _decide_strategy(page, each)
    press(page, "Record the decision")

    # A page listing each child, since each needs a discussion of their own.
    listed = rf"/child-protection/contacts/{named[0].contact_id}/strategy-discussions/$"
    expect(page).to_have_url(re.compile(listed))
    expect_success(page, "Decision recorded")
    expect(page.locator("#waiting")).to_contain_text("2 still to record")
    assert accessibility_violations(page) == []
    for child in children:
        episode = CinEpisode.objects.get(person=child, closed_on=None)
        page.get_by_role(
            "link", name=f"Record the strategy discussion for {child.full_name}"
        ).click()
        expect(page).to_have_url(
            re.compile(rf"/episodes/{episode.pk}/strategy-discussion/\?contact=")
        )
        expect(page.locator(".govuk-caption-l")).to_have_text(child.full_name)
        _record_the_discussion(page)
        expect_success(page, "Strategy discussion recorded")
        assert StrategyDiscussion.objects.filter(episode=episode).count() == 1

    # The last one recorded: to the last child's episode, nothing left waiting.
    expect(page).to_have_url(
        re.compile(rf"/children-in-need/people/{children[1].pk}/$")
    )
    page.goto(
        f"{live_server.url}/child-protection/contacts/{named[0].contact_id}/strategy-discussions/"
    )
    expect(page.locator("#waiting")).to_have_text(
        "Each child's strategy discussion is recorded."
    )
