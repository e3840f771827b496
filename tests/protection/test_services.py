"""Child protection's services: the path from a strategy discussion to a plan
that ends, and each refusal in the user's words."""

import pytest

from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import JournalEvent
from haven.protection import conferences, enquiries, plans, rules, strategy
from haven.protection.codes import ConferenceDecision, ConferenceKind, EnquiryOutcome
from haven.protection.models import ChildProtectionPlan, Section47Enquiry
from tests.protection.conftest import (
    ATTENDANCE,
    TRANSFER,
    day,
    discussion,
    enquiry,
    meeting,
    on_a_plan,
)

pytestmark = pytest.mark.django_db


def _events(child) -> list[str]:
    return list(
        JournalEvent.objects.filter(person=child, type__startswith="protection.")
        .order_by("sequence")
        .values_list("type", flat=True)
    )


def test_the_path_from_strategy_discussion_to_a_plan_that_ends(
    child, episode, alice, cath
):
    strategy.suspect_significant_harm(
        episode, on=day(1), concern="Bruising on both arms", by=alice
    )
    plan = on_a_plan(episode, alice, cath)
    plans.record_core_group(
        plan, held_on=day(22), attendance=ATTENDANCE, progress="Some", by=alice
    )
    conferences.hold_review_conference(
        plan, meeting(cath, on=day(50), decision="continue", category="MUL"), by=alice
    )
    ending = meeting(cath, on=day(51), decision=ConferenceDecision.END_PLAN)
    conferences.hold_review_conference(plan, ending, by=alice)
    plan.refresh_from_db()
    assert (plan.started_on, plan.ended_on) == (day(15), day(51))
    assert (plan.initial_category, plan.latest_category) == ("NEG", "NEG")
    assert plan.end_reason == "no_longer_at_risk"
    assert plan.end_conference.held_on == day(51)
    assert plan.previous_plans == 0
    assert _events(child) == [
        "protection.significant_harm_suspected",
        "protection.strategy_discussion_held",
        "protection.section_47_enquiry_started",
        "protection.initial_conference_recommended",
        "protection.initial_conference_held",
        "protection.child_protection_plan_started",
        "protection.core_group_held",
        "protection.review_conference_held",
        "protection.review_conference_held",
        "protection.child_protection_plan_ended",
    ]


def test_a_review_records_the_latest_category(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    review = meeting(cath, on=day(50), decision="continue", category="EMO")
    conferences.hold_review_conference(plan, review, by=alice)
    plan.refresh_from_db()
    assert (plan.initial_category, plan.latest_category) == ("NEG", "EMO")


def test_the_enquiry_runs_to_its_conference(episode, alice, cath):
    found = enquiry(episode, alice)
    assert (found.ended_on, found.icpc_not_required) == (None, False)
    conferences.hold_initial_conference(
        episode, meeting(cath, decision="no_plan"), by=alice, section_47=found
    )
    found.refresh_from_db()
    assert found.ended_on == day(15)
    assert not ChildProtectionPlan.objects.exists()


def test_an_enquiry_needing_no_conference_ends_with_its_outcome(episode, alice):
    found = enquiry(episode, alice, outcome=EnquiryOutcome.NOT_SUBSTANTIATED)
    assert (found.ended_on, found.icpc_not_required) == (day(11), True)


def test_a_strategy_discussion_names_everything_missing_at_once(episode, alice):
    typed = strategy.Discussion(
        held_on=None,
        participants=[{"name": "DC Rana", "agency": ""}],
        information_shared=" ",
        decision="no_section_47",
    )
    with pytest.raises(DomainErrors) as refused:
        strategy.record_strategy_discussion(episode, typed, by=alice)
    assert [(f.code, f.message) for f in refused.value.failures] == [
        ("date_required", "Enter the date of the discussion"),
        ("participants_incomplete", "Participant 1: enter their agency"),
        ("information_required", "Say what information was shared"),
        ("reason_required", "Say why there are to be no section 47 enquiries"),
    ]


def test_immediate_protection_names_the_power_used(episode, alice):
    with pytest.raises(DomainError) as refused:
        discussion(episode, alice, decision="immediate_protection")
    assert refused.value.message == (
        "Choose how the child was protected: police protection or an emergency "
        "protection order"
    )
    found = discussion(
        episode,
        alice,
        decision="immediate_protection",
        immediate_protection="emergency_protection_order",
    )
    assert found.immediate_protection == "emergency_protection_order"


def test_no_enquiry_starts_from_a_discussion_that_did_not_decide_on_one(episode, alice):
    found = discussion(
        episode, alice, decision="no_section_47", no_section_47_reason="x"
    )
    with pytest.raises(DomainError) as refused:
        enquiries.start_section_47(found, started_on=day(1), by=alice)
    assert refused.value.code == "not_decided"


def test_an_enquiry_starts_no_earlier_than_its_discussion(episode, alice):
    found = discussion(episode, alice, on=day(2))
    with pytest.raises(DomainError) as refused:
        enquiries.start_section_47(found, started_on=day(1), by=alice)
    assert refused.value.message == (
        "The date the enquiry started must be on or after the strategy discussion "
        f"({day(2):%-d %B %Y})"
    )


def test_one_discussion_starts_one_enquiry(episode, alice):
    found = discussion(episode, alice)
    enquiries.start_section_47(found, started_on=day(1), by=alice)
    with pytest.raises(DomainError) as refused:
        enquiries.start_section_47(found, started_on=day(2), by=alice)
    assert refused.value.code == "already_started"


def test_an_outcome_is_recorded_once(episode, alice):
    found = enquiry(episode, alice)
    with pytest.raises(DomainError) as refused:
        enquiries.record_section_47_outcome(
            found, outcome="not_substantiated", completed_on=day(12), by=alice
        )
    assert refused.value.message == "This enquiry's outcome is already recorded"


def test_an_outcome_comes_after_the_start(episode, alice):
    found = enquiry(episode, alice, outcome=None)
    with pytest.raises(DomainErrors) as refused:
        enquiries.record_section_47_outcome(
            found, outcome="", completed_on=day(0), by=alice
        )
    assert refused.value.codes == ["outcome_required", "date_too_early"]


def test_an_initial_conference_follows_a_recommending_enquiry(episode, alice, cath):
    found = enquiry(episode, alice, outcome=EnquiryOutcome.NO_SIGNIFICANT_HARM)
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode, meeting(cath), by=alice, section_47=found
        )
    assert refused.value.code == "not_recommended"
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(episode, meeting(cath), by=alice)
    assert refused.value.message == (
        "An initial conference follows a section 47 enquiry: choose it"
    )


def test_an_enquiry_has_one_initial_conference(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    enquiry_ = Section47Enquiry.objects.get()
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode,
            meeting(cath, on=day(16), decision="no_plan"),
            by=alice,
            section_47=enquiry_,
        )
    assert refused.value.code == "conference_held"
    assert plan.starting_conference.section_47 == enquiry_


def test_a_plan_needs_its_category(episode, alice, cath):
    found = enquiry(episode, alice)
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode, meeting(cath, category="XYZ"), by=alice, section_47=found
        )
    assert refused.value.code == "category_required"


def test_a_conference_needs_its_chair_and_attendance(episode, alice):
    found = enquiry(episode, alice)
    with pytest.raises(DomainErrors) as refused:
        conferences.hold_initial_conference(
            episode, meeting(None, attendance=[]), by=alice, section_47=found
        )
    assert refused.value.codes == ["chair_required", "attendance_required"]


def test_a_pre_birth_conference_is_for_an_unborn_child(episode, alice, cath):
    found = enquiry(episode, alice)
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode,
            meeting(cath),
            by=alice,
            kind=ConferenceKind.PRE_BIRTH,
            section_47=found,
        )
    assert refused.value.message == (
        "A pre-birth conference is for an unborn child: this child was born "
        "before the conference"
    )


def test_an_unborn_child_has_a_pre_birth_conference(child, episode, alice, cath):
    child.date_of_birth = None
    child.expected_date_of_birth = day(120)
    child.save()
    found = enquiry(episode, alice)
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode, meeting(cath), by=alice, section_47=found
        )
    assert refused.value.code == "unborn"
    conference = conferences.hold_initial_conference(
        episode,
        meeting(cath),
        by=alice,
        kind=ConferenceKind.PRE_BIRTH,
        section_47=found,
    )
    assert conference.started_plan.started_on == day(15)


def test_a_transfer_in_conference_needs_no_enquiry(episode, alice, cath):
    conference = conferences.hold_initial_conference(
        episode,
        meeting(cath),
        by=alice,
        kind=ConferenceKind.TRANSFER_IN,
        transfer=TRANSFER,
    )
    assert conference.started_plan.initial_category == "NEG"


def test_a_review_decides_continue_or_end(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        conferences.hold_review_conference(
            plan, meeting(cath, on=day(50), decision="plan"), by=alice
        )
    assert refused.value.message == "Choose whether the plan continues or ends"


def test_an_ended_plan_has_no_review(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    plans.end_plan(plan, ended_on=day(30), reason="transferred", by=alice)
    with pytest.raises(DomainError) as refused:
        conferences.hold_review_conference(
            plan, meeting(cath, on=day(50), decision="continue"), by=alice
        )
    assert refused.value.message == "This child protection plan has ended"


def test_only_a_review_decides_the_child_is_no_longer_at_risk(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        plans.end_plan(plan, ended_on=day(30), reason="no_longer_at_risk", by=alice)
    assert refused.value.code == "needs_review"


def test_a_plan_does_not_end_the_day_it_started(episode, alice, cath):
    # Census rule 8840.
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        plans.end_plan(plan, ended_on=day(15), reason="transferred", by=alice)
    assert refused.value.message == (
        "The date the plan ended must be on or after the day after it started "
        f"({day(16):%-d %B %Y})"
    )


def test_a_core_group_names_what_is_missing(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainErrors) as refused:
        plans.record_core_group(
            plan, held_on=day(14), attendance=[], progress="", by=alice
        )
    assert refused.value.codes == [
        "date_too_early",
        "attendance_required",
        "progress_required",
    ]


def test_the_chair_signs_off(episode, alice, cath):
    conference = on_a_plan(episode, alice, cath).starting_conference
    with pytest.raises(DomainError) as refused:
        conferences.sign_off(conference, by=alice)
    assert refused.value.message == "Only the conference's chair can sign it off"
    signed = conferences.sign_off(conference, by=cath)
    assert signed.signed_off_by == cath and signed.signed_off_at is not None


def test_a_stranger_is_refused(episode, bob):
    with pytest.raises(AccessDenied):
        discussion(episode, bob)


def test_nothing_is_dated_after_the_episode_closed(episode):
    # Census rule 8565. (Closing also ends the case's allocation, so the
    # services refuse a closed episode before asking: the rule holds anyway.)
    episode.closed_on = day(3)
    with pytest.raises(DomainError) as refused:
        rules.check_day(episode, day(4), field="held_on", what="of the conference")
    assert refused.value.message == (
        "The date of the conference must be on or before the episode closed "
        f"({day(3):%-d %B %Y})"
    )


def test_nothing_is_dated_before_the_referral(episode, alice):
    # Census rules 1103-1105, 2889.
    with pytest.raises(DomainError) as refused:
        discussion(episode, alice, on=day(-1))
    assert refused.value.message == (
        f"The date of the discussion must be on or after the referral "
        f"({day(0):%-d %B %Y})"
    )


def test_a_review_ending_the_plan_says_why(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    ending = meeting(cath, on=day(50), decision="end_plan")
    with pytest.raises(DomainError) as refused:
        conferences.hold_review_conference(plan, ending, by=alice, end_reason="")
    assert refused.value.message == "Choose why the plan ends"


def test_a_concern_says_what_it_is(episode, alice):
    with pytest.raises(DomainError) as refused:
        strategy.suspect_significant_harm(episode, on=day(1), concern=" ", by=alice)
    assert refused.value.message == "Say what the concern is"
