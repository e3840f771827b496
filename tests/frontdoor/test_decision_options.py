"""Issue 11 item 9: immediate protection and specialist assessment beside the
other decisions, each decision graded with the council's threshold level and a
RAG urgency rating."""

import pytest

from haven.core.errors import DomainError
from haven.core.models import JournalEvent
from haven.frontdoor import services
from haven.frontdoor.codes import Decision
from haven.frontdoor.forms import DecisionForm
from haven.frontdoor.models import ContactChild

pytestmark = pytest.mark.django_db


def _only_child(contact):
    return ContactChild.objects.get(contact=contact)


def test_immediate_protection_opens_the_episode_as_a_strategy_discussion(
    contact, maggie, child
):
    from haven.cin.models import CinEpisode

    named = services.decide_contact(
        _only_child(contact),
        decision=Decision.IMMEDIATE_PROTECTION,
        reasoning="Police protection taken at 02:00.",
        threshold="Level 4: specialist (statutory)",
        urgency="red",
        by=maggie,
    )
    episode = CinEpisode.objects.get(person=child)
    assert named.outcome.episode_id == episode.pk
    # The concern that calls for the strategy discussion is journaled on the
    # episode (child protection's record; the episode holds no flag).
    concern = JournalEvent.objects.get(type="protection.significant_harm_suspected")
    assert concern.payload == {
        "episode": episode.pk,
        "concern": "Police protection taken at 02:00.",
    }


def test_a_specialist_assessment_names_the_service_and_opens_nothing(
    contact, maggie, child
):
    from haven.cin.models import CinEpisode

    named = services.decide_contact(
        _only_child(contact),
        decision=Decision.SPECIALIST_ASSESSMENT,
        reasoning="Complex health needs.",
        specialist_service="  Disabled children's team ",
        threshold="Level 3: targeted",
        urgency="amber",
        by=maggie,
    )
    named.refresh_from_db()
    assert named.specialist_service == "Disabled children's team"
    assert not CinEpisode.objects.filter(person=child).exists()
    event = JournalEvent.objects.get(type="frontdoor.contact_decided")
    assert event.payload["specialist_service"] == "Disabled children's team"


def test_a_specialist_assessment_without_a_service_is_refused(contact, maggie):
    with pytest.raises(DomainError) as refused:
        services.decide_contact(
            _only_child(contact),
            decision=Decision.SPECIALIST_ASSESSMENT,
            reasoning="Complex health needs.",
            by=maggie,
        )
    assert (refused.value.code, refused.value.field) == (
        "specialist_service_required",
        "specialist_service",
    )


def test_the_decision_records_threshold_and_urgency(contact, maggie):
    services.decide_contact(
        _only_child(contact),
        decision=Decision.INFORMATION_AND_ADVICE,
        reasoning="Advice to school.",
        threshold="Level 2: early help",
        urgency="green",
        by=maggie,
    )
    named = _only_child(contact)
    assert (named.threshold, named.urgency) == ("Level 2: early help", "green")
    event = JournalEvent.objects.get(type="frontdoor.contact_decided")
    assert (event.payload["threshold"], event.payload["urgency"]) == (
        "Level 2: early help",
        "green",
    )


def test_threshold_levels_are_the_councils_own(contact, maggie, settings):
    settings.HAVEN_THRESHOLD_LEVELS = ["Tier A: universal", "Tier B: child in need"]
    form = DecisionForm()
    assert [value for value, _label in form.fields["threshold"].choices] == [
        "",
        "Tier A: universal",
        "Tier B: child in need",
    ]
    with pytest.raises(DomainError) as refused:
        services.decide_contact(
            _only_child(contact),
            decision=Decision.NO_FURTHER_ACTION,
            reasoning="No concerns.",
            threshold="Level 1: universal",
            urgency="purple",
            by=maggie,
        )
    assert refused.value.codes == ["threshold_unknown", "urgency_unknown"]


def test_the_form_asks_for_threshold_and_urgency_with_the_decision(db):
    form = DecisionForm({"decision": "nfa", "reasoning": "No role for us."})
    assert not form.is_valid()
    assert form.errors["threshold"] == ["Choose the threshold level"]
    assert form.errors["urgency"] == ["Choose the urgency: red, amber or green"]
    blank = DecisionForm({})
    assert blank.is_valid() and not blank.answered()
