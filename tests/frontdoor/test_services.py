import datetime as dt

import pytest

from haven.core import clock
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent, Restriction
from haven.frontdoor import services
from haven.frontdoor.codes import ConsentStatus, Decision
from haven.frontdoor.models import ContactChild
from haven.pathways.models import DecisionOutcome
from haven.people.models import Relationship
from haven.timescales.models import Obligation
from tests.factories import AdultFactory, ChildFactory
from tests.frontdoor.conftest import details

pytestmark = pytest.mark.django_db


def _only_child(contact):
    return ContactChild.objects.get(contact=contact)


# --- recording ---------------------------------------------------------------


def test_a_contact_naming_siblings_is_journalled_on_each_child(wednesday, fred, child):
    sister = ChildFactory(given_name="Amira", family_name="Thackray")
    contact = services.record_contact(details(), [child, sister], by=fred)
    assert contact.children.count() == 2
    events = JournalEvent.objects.filter(type="frontdoor.contact_received")
    assert {e.person_id for e in events} == {child.pk, sister.pk}
    payload = events.get(person=child).payload
    assert payload["contact"] == contact.pk
    assert payload["source"] == "2A"
    assert events.get(person=child).occurred_at == contact.received_at


def test_a_contact_starts_the_one_working_day_decision_clock(contact, child):
    obligation = Obligation.objects.get(person=child, rule_id="REF-DECISION")
    assert obligation.subject == str(contact.pk)
    assert obligation.due_on == dt.date(2026, 3, 5)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"concerns": "  "}, "concerns_required", "concerns"),
        ({"source": "99"}, "source_required", "source"),
        ({"consent": "maybe"}, "consent_required", "consent"),
        (
            {"consent": ConsentStatus.NOT_SOUGHT_RISK, "consent_reason": ""},
            "consent_reason_required",
            "consent_reason",
        ),
        ({"received_at": None}, "received_required", "received_on"),
    ],
)
def test_a_contact_is_refused_when_details_are_missing(
    wednesday, fred, child, changes, code, field
):
    with pytest.raises(DomainError) as refused:
        services.record_contact(details(**changes), [child], by=fred)
    assert (refused.value.code, refused.value.field) == (code, field)


def test_a_contact_cannot_be_received_in_the_future(wednesday, fred, child):
    later = clock.now() + dt.timedelta(hours=2)
    with pytest.raises(DomainError) as refused:
        services.record_contact(details(received_at=later), [child], by=fred)
    assert refused.value.code == "received_in_future"


def test_a_contact_names_at_least_one_child_once(wednesday, fred, child):
    with pytest.raises(DomainError) as refused:
        services.record_contact(details(), [], by=fred)
    assert refused.value.code == "child_required"
    with pytest.raises(DomainError) as refused:
        services.record_contact(details(), [child, child], by=fred)
    assert refused.value.code == "child_named_twice"


def test_consent_not_needed_keeps_its_reason(wednesday, fred, child):
    contact = services.record_contact(
        details(
            consent=ConsentStatus.NOT_SOUGHT_RISK,
            consent_reason="Asking the father could put the child at risk",
        ),
        [child],
        by=fred,
    )
    assert contact.consent_reason == "Asking the father could put the child at risk"


def test_only_front_door_roles_record_contacts(wednesday, alice, child):
    with pytest.raises(DomainError) as refused:
        services.record_contact(details(), [child], by=alice)
    assert refused.value.code == "not_permitted"
    assert not JournalEvent.objects.filter(type="frontdoor.contact_received").exists()


def test_a_restricted_record_is_refused_without_a_grant(wednesday, fred, mona, child):
    Restriction.objects.create(
        person=child,
        kind=Restriction.Kind.RESTRICTED,
        reason="A relative works here",
        created_at=clock.now(),
        created_by=mona,
    )
    with pytest.raises(AccessDenied):
        services.record_contact(details(), [child], by=fred)


def test_a_restricted_adults_record_is_refused_without_naming_them(
    wednesday, fred, mona
):
    adult = AdultFactory(given_name="Perpetua", family_name="Quell")
    Restriction.objects.create(
        person=adult,
        kind=Restriction.Kind.RESTRICTED,
        reason="A relative works here",
        created_at=clock.now(),
        created_by=mona,
    )
    with pytest.raises(AccessDenied) as refused:
        services.record_contact(details(), [adult], by=fred)
    assert "Quell" not in str(refused.value.message)


# --- deciding ----------------------------------------------------------------


def test_a_manager_decides_and_the_deadline_is_met(contact, maggie, child):
    named = services.decide_contact(
        _only_child(contact),
        decision=Decision.INFORMATION_AND_ADVICE,
        reasoning="School can support; mother agrees to a GP visit.",
        by=maggie,
    )
    assert (named.decision, named.decided_by) == ("advice", maggie)
    event = JournalEvent.objects.get(type="frontdoor.contact_decided")
    assert event.payload["contact"] == contact.pk
    assert event.payload["decision"] == "advice"
    obligation = Obligation.objects.get(person=child, rule_id="REF-DECISION")
    assert obligation.status == Obligation.Status.MET_ON_TIME


def test_a_worker_cannot_decide(contact, fred):
    with pytest.raises(DomainError) as refused:
        services.decide_contact(
            _only_child(contact), decision="nfa", reasoning="No concerns", by=fred
        )
    assert refused.value.code == "not_permitted"


def test_a_manager_with_no_relationship_is_refused(contact, mona):
    with pytest.raises(AccessDenied):
        services.decide_contact(
            _only_child(contact), decision="nfa", reasoning="No concerns", by=mona
        )


@pytest.mark.parametrize(
    ("decision", "reasoning", "code"),
    [
        ("", "Some reasons", "decision_required"),
        ("maybe", "Some reasons", "decision_required"),
        ("nfa", "   ", "reasoning_required"),
    ],
)
def test_a_decision_needs_a_choice_and_reasons(
    contact, maggie, decision, reasoning, code
):
    with pytest.raises(DomainError) as refused:
        services.decide_contact(
            _only_child(contact), decision=decision, reasoning=reasoning, by=maggie
        )
    assert refused.value.code == code


def test_a_child_is_decided_once(contact, maggie):
    named = _only_child(contact)
    services.decide_contact(named, decision="nfa", reasoning="No concerns", by=maggie)
    with pytest.raises(DomainError) as refused:
        services.decide_contact(named, decision="nfa", reasoning="Again", by=maggie)
    assert refused.value.code == "already_decided"


def test_early_help_asks_the_early_help_service(contact, maggie, child):
    from haven.earlyhelp.models import EarlyHelpRequest

    named = services.decide_contact(
        _only_child(contact),
        decision=Decision.EARLY_HELP,
        reasoning="Family would benefit from parenting support.",
        by=maggie,
    )
    request = EarlyHelpRequest.objects.get(person=child)
    assert (request.source, request.contact_id) == ("contact", contact.pk)
    assert named.outcome.early_help_request_id == request.pk


@pytest.mark.parametrize(
    ("decision", "strategy"),
    [(Decision.REFERRAL, False), (Decision.STRATEGY_DISCUSSION, True)],
)
def test_a_referral_opens_the_childs_episode(
    contact, maggie, child, decision, strategy
):
    from haven.cin.models import CinEpisode

    named = services.decide_contact(
        _only_child(contact),
        decision=decision,
        reasoning="Needs assessment.",
        by=maggie,
    )
    episode = CinEpisode.objects.get(person=child)
    assert named.outcome.episode_id == episode.pk
    assert episode.referral_date == dt.date(2026, 3, 4)
    referral = JournalEvent.objects.get(type="frontdoor.referral_received")
    assert referral.payload["contact"] == contact.pk
    concerns = JournalEvent.objects.filter(
        type="protection.significant_harm_suspected", payload__episode=episode.pk
    )
    assert concerns.exists() is strategy


def test_a_contact_that_arrived_while_an_episode_was_open_cannot_open_another(
    contact, maggie, child, wednesday
):
    # Issue 11 (CIN census rule 8820): received on 4 March while an episode was
    # open, decided on 6 March after it closed on 5 March.
    from haven.cin.models import CinEpisode

    CinEpisode.objects.create(
        person=child,
        referral_date=dt.date(2026, 2, 2),
        source="2A",
        closed_on=dt.date(2026, 3, 5),
        closure_reason="RC7",
    )
    wednesday.move_to(dt.timedelta(days=2))
    with pytest.raises(DomainError) as refused:
        services.decide_contact(
            _only_child(contact),
            decision=Decision.REFERRAL,
            reasoning="Needs assessment.",
            by=maggie,
        )
    assert refused.value.code == "overlaps_closed_episode"
    assert refused.value.message.startswith(
        "This was received on 4 March 2026, while Jasmine Thackray's child in "
        "need episode (referred on 2 February 2026) was still open: it closed on "
        "5 March 2026"
    )
    assert CinEpisode.objects.filter(person=child).count() == 1
    assert not _only_child(contact).decision
    # The pathway's refusal leaves nothing of the decision behind.
    assert not DecisionOutcome.objects.filter(decision__contact=contact).exists()
    assert not JournalEvent.objects.filter(
        type="frontdoor.contact_decided", payload__contact=contact.pk
    ).exists()


@pytest.mark.parametrize(
    ("decision", "assessed"),
    [(Decision.REFERRAL, True), (Decision.STRATEGY_DISCUSSION, False)],
)
def test_a_referral_for_assessment_starts_one_on_the_day_of_the_decision(
    contact, maggie, child, wednesday, decision, assessed
):
    from haven.assessments.models import Assessment

    wednesday.move_to(dt.timedelta(days=1))
    services.decide_contact(
        _only_child(contact), decision=decision, reasoning="Needs it.", by=maggie
    )
    started = list(
        Assessment.objects.filter(person=child).values_list("started_on", flat=True)
    )
    assert started == ([dt.date(2026, 3, 5)] if assessed else [])


# --- child or adult, derived -------------------------------------------------


def test_a_contact_about_someone_over_18_on_its_date_is_refused(wednesday, fred):
    received = details()["received_at"].date()
    adult = ChildFactory(date_of_birth=received.replace(year=received.year - 18))
    with pytest.raises(DomainError) as refused:
        services.record_contact(details(), [adult], by=fred)
    assert refused.value.code == "not_a_child"


def test_a_contact_about_a_17_year_old_on_its_date_is_accepted(wednesday, fred):
    received = details()["received_at"].date()
    eighteenth = received.replace(year=received.year - 18) + dt.timedelta(days=1)
    almost = ChildFactory(date_of_birth=eighteenth)
    contact = services.record_contact(details(), [almost], by=fred)
    assert contact.children.get().person == almost


def test_a_contact_about_an_unborn_child_or_one_with_no_date_is_accepted(
    wednesday, fred
):
    unborn = ChildFactory(
        date_of_birth=None, expected_date_of_birth=dt.date(2026, 6, 1)
    )
    undated = ChildFactory(date_of_birth=None)
    contact = services.record_contact(details(), [unborn, undated], by=fred)
    assert contact.children.count() == 2


def test_a_contact_about_an_undated_parent_is_refused(wednesday, fred, child):
    parent = ChildFactory(date_of_birth=None, given_name="Dora")
    Relationship.objects.create(person=child, other=parent, kind="mother")
    with pytest.raises(DomainError) as refused:
        services.record_contact(details(), [parent], by=fred)
    assert refused.value.code == "not_a_child"
