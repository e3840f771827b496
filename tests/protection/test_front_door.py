"""A front-door decision for a strategy discussion (or immediate protection)
opens the child's episode as a referral does, records the concern that makes
the discussion due (CP-STRAT), and leads the manager to the discussion's form;
the discussion itself is a StrategyDiscussion, not a flag on the episode."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.cin.models import CinEpisode
from haven.core.models import JournalEvent
from haven.frontdoor import services
from haven.frontdoor.codes import Decision
from haven.frontdoor.models import ContactChild
from haven.protection.models import StrategyDiscussion
from haven.timescales import selectors
from haven.timescales.models import Obligation
from tests.conftest import make_user
from tests.factories import ChildFactory
from tests.frontdoor.conftest import WEDNESDAY, acknowledged, details
from tests.protection.conftest import discussion

pytestmark = pytest.mark.django_db

STRATEGY = [Decision.STRATEGY_DISCUSSION, Decision.IMMEDIATE_PROTECTION]


@pytest.fixture
def maggie(service):
    """The front door's team manager, who decides on contacts."""
    from haven.core.models import Team

    front_door = Team.objects.create(name="Front Door (MASH)", parent=service)
    make_user("fred", "front_door_worker", front_door)
    manager = make_user("maggie", "team_manager", front_door)
    front_door.managers.add(manager)
    return manager


@pytest.fixture
def named(freezer, maggie):
    freezer.at = WEDNESDAY
    fred = maggie.team.members.get(username="fred")
    child = ChildFactory(given_name="Jasmine", family_name="Thackray")
    contact = acknowledged(services.record_contact(details(), [child], by=fred), fred)
    return ContactChild.objects.get(contact=contact)


def _decide(named, maggie, decision):
    return services.decide_contact(
        named, decision=decision, reasoning="Bruising to the arm.", by=maggie
    )


@pytest.mark.parametrize("decision", STRATEGY)
def test_the_decision_opens_the_episode_and_makes_a_strategy_discussion_due(
    named, maggie, decision
):
    _decide(named, maggie, decision)
    episode = CinEpisode.objects.get(person=named.person)
    concern = JournalEvent.objects.get(type="protection.significant_harm_suspected")
    assert concern.payload == {"episode": episode.pk, "concern": "Bruising to the arm."}
    due = selectors.obligation_for(named.person_id, "CP-STRAT", episode.pk)
    assert due is not None
    assert (due.due_on, due.status) == (dt.date(2026, 3, 5), Obligation.Status.DUE)
    assert not StrategyDiscussion.objects.exists()
    # The referral's event no longer says anything about a strategy discussion.
    referral = JournalEvent.objects.get(type="frontdoor.referral_received")
    assert "strategy_discussion" not in referral.payload

    discussion(episode, maggie, on=dt.date(2026, 3, 4))
    met = selectors.obligation_for(named.person_id, "CP-STRAT", episode.pk)
    assert met is not None and met.status == Obligation.Status.MET_ON_TIME


def test_a_referral_for_assessment_makes_no_strategy_discussion_due(named, maggie):
    _decide(named, maggie, Decision.REFERRAL)
    episode = CinEpisode.objects.get(person=named.person)
    assert selectors.obligation_for(named.person_id, "CP-STRAT", episode.pk) is None


def _post(client, named, decision):
    return client.post(
        reverse("frontdoor:decide", args=[named.contact_id]),
        {
            f"child-{named.pk}-decision": decision,
            f"child-{named.pk}-reasoning": "Bruising to the arm.",
            f"child-{named.pk}-threshold": "Level 4: specialist (statutory)",
            f"child-{named.pk}-urgency": "red",
        },
    )


@pytest.mark.parametrize("decision", STRATEGY)
def test_the_decision_page_leads_to_the_strategy_discussion_form(
    client, named, maggie, decision
):
    client.force_login(maggie)
    response = _post(client, named, decision)
    episode = CinEpisode.objects.get(person=named.person)
    assert response.status_code == 302
    assert response.url == reverse("protection:strategy", args=[episode.pk])
    assert client.get(response.url).status_code == 200


def test_a_referral_for_assessment_stays_on_the_contact(client, named, maggie):
    client.force_login(maggie)
    response = _post(client, named, Decision.REFERRAL)
    assert response.url == reverse("frontdoor:contact", args=[named.contact_id])


def test_an_old_referral_event_still_says_the_front_door_chose_a_strategy_discussion():
    from haven.cin.chronology import WORDS

    words = WORDS["frontdoor.referral_received"]
    assert words({"strategy_discussion": True}).endswith(
        "; the front door decided on a strategy discussion"
    )
    assert "strategy" not in words({"re_referral": False})
