"""The CIN census rules on section 47 enquiries and child protection plans,
enforced as each is recorded (/work/shared/domain/returns.md, section 1.4)."""

import pytest

from haven.cin import plans as cin_plans
from haven.cin import services as cin
from haven.cin.rules import ActionLine
from haven.core.errors import DomainError
from haven.people.models import Person
from haven.protection import conferences, enquiries, plans
from haven.protection.codes import ConferenceKind, EnquiryOutcome
from haven.protection.episodes import check_closure
from haven.protection.models import ChildProtectionPlan
from tests.factories import ChildFactory
from tests.protection.conftest import (
    TRANSFER,
    day,
    discussion,
    enquiry,
    meeting,
    on_a_plan,
)

pytestmark = pytest.mark.django_db


def _action():
    return ActionLine(
        what_must_change="Kai is collected from school on time",
        who="Mother",
        by_when=day(90),
        if_not_met="A review of the plan",
    )


def _cin_plan(episode, alice, on):
    return cin_plans.start_plan(
        episode, started_on=on, actions=[_action()], by=alice, primary_need="N1"
    )


def test_8875_a_conference_is_never_at_a_weekend(episode, alice, cath):
    found = enquiry(episode, alice)
    saturday = day(19)
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode, meeting(cath, on=saturday), by=alice, section_47=found
        )
    assert refused.value.message == (
        f"A conference cannot be held at a weekend: {saturday:%A %-d %B %Y} is a "
        "Saturday. Enter the weekday it was held"
    )


def test_8870q_the_target_is_not_at_a_weekend(episode, alice):
    found = discussion(episode, alice)
    with pytest.raises(DomainError) as refused:
        enquiries.start_section_47(
            found, started_on=day(1), icpc_target=day(20), by=alice
        )
    assert refused.value.code == "conference_at_weekend"


def test_8615_the_enquiry_starts_no_later_than_its_conference(episode, alice, cath):
    found = enquiry(episode, alice)
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode, meeting(cath, on=day(10)), by=alice, section_47=found
        )
    assert refused.value.message == (
        "The date of the conference must be on or after the section 47 "
        f"enquiry's outcome ({day(11):%-d %B %Y})"
    )


def test_8890_one_open_enquiry_per_episode(episode, alice):
    first = enquiry(episode, alice, outcome=None)
    second = discussion(episode, alice, on=day(2))
    with pytest.raises(DomainError) as refused:
        enquiries.start_section_47(second, started_on=day(2), by=alice)
    assert refused.value.message == (
        f"A section 47 enquiry started on {first.started_on:%-d %B %Y} is still "
        "open: record its outcome (or hold its initial conference) first"
    )


def test_8890_no_enquiry_starts_inside_an_earlier_one(episode, alice):
    first = enquiry(episode, alice, outcome=EnquiryOutcome.NOT_SUBSTANTIATED)
    late = discussion(episode, alice, on=day(4))
    with pytest.raises(DomainError) as refused:
        enquiries.start_section_47(late, started_on=day(11), by=alice)
    assert refused.value.message == (
        "It overlaps the section 47 enquiry "
        f"from {first.started_on:%-d %B %Y} to {day(11):%-d %B %Y}: change the "
        "dates so they do not overlap"
    )
    enquiries.start_section_47(late, started_on=day(12), by=alice)


def test_2885_a_plan_starts_on_its_conference_day(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    assert plan.started_on == plan.starting_conference.held_on == day(15)


def test_2883_8935_no_second_plan_while_one_is_open(episode, alice, cath):
    on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode,
            meeting(cath, on=day(22)),
            by=alice,
            kind=ConferenceKind.TRANSFER_IN,
            transfer=TRANSFER,
        )
    assert refused.value.message == (
        f"Kai Ashdown is already subject of a child protection plan (from "
        f"{day(15):%-d %B %Y}): review it instead"
    )
    assert ChildProtectionPlan.objects.count() == 1


def test_8940_no_plan_overlaps_an_earlier_one(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    plans.end_plan(plan, ended_on=day(30), reason="transferred", by=alice)
    with pytest.raises(DomainError) as refused:
        conferences.hold_initial_conference(
            episode,
            meeting(cath, on=day(29)),
            by=alice,
            kind="transfer_in",
            transfer=TRANSFER,
        )
    assert refused.value.code == "plans_overlap"
    again = conferences.hold_initial_conference(
        episode,
        meeting(cath, on=day(30)),
        by=alice,
        kind="transfer_in",
        transfer=TRANSFER,
    )
    assert again.started_plan.previous_plans == 1


def test_8841_reviews_come_after_the_plan_starts(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        conferences.hold_review_conference(
            plan, meeting(cath, on=day(15), decision="continue"), by=alice
        )
    assert refused.value.message == (
        "The date of the conference must be on or after the day after the plan "
        f"started ({day(16):%-d %B %Y})"
    )


def test_the_previous_plans_count_merged_records_and_imported_counts(
    child, episode, alice, cath
):
    other = ChildFactory(given_name="Kai", family_name="Ashdown")
    merged = Person.objects.filter(pk=other.pk)
    merged.update(merged_into=child)
    first = on_a_plan(episode, alice, cath)
    # Brought from another system: two plans before this one, there.
    ChildProtectionPlan.objects.filter(pk=first.pk).update(
        person=other, previous_plans=2, ended_on=day(20)
    )
    assert plans.previous_plans(child) == 3


def test_4001_no_cin_plan_beside_a_cp_plan(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        _cin_plan(episode, alice, day(20))
    assert refused.value.message == (
        "A child in need plan cannot run beside a child protection plan (the "
        f"child protection plan from {day(15):%-d %B %Y}, still open). Start it "
        "on or after the day the child protection plan ends"
    )
    ending = meeting(cath, on=day(50), decision="end_plan")
    conferences.hold_review_conference(plan, ending, by=alice)
    # Stepping down: a child in need plan from the day the plan ended (4016).
    assert _cin_plan(episode, alice, day(50)).started_on == day(50)


def test_4001_a_cp_plan_replaces_the_cin_plan(episode, alice, cath):
    running = _cin_plan(episode, alice, day(2))
    plan = on_a_plan(episode, alice, cath)
    running.refresh_from_db()
    assert running.ended_on == plan.started_on == day(15)


def test_2990_an_episode_with_an_enquiry_does_not_close_after_assessment(
    episode, alice
):
    # (Closing with RC8 asks for an authorised assessment first, census rule
    # 8825Q; here the episode's child protection work is asked alone.)
    enquiry(episode, alice, outcome=EnquiryOutcome.NOT_SUBSTANTIATED)
    with pytest.raises(DomainError) as refused:
        check_closure(episode, "RC8", True)
    assert refused.value.message == (
        "The episode held a section 47 enquiry, a child protection conference or "
        "plan, so it did not close after assessment: choose another reason"
    )


def test_8868_a_closing_episode_has_its_enquiries_finished(episode, alice):
    enquiry(episode, alice)  # called a conference, not yet held
    with pytest.raises(DomainError) as refused:
        cin.close_episode(
            episode, closed_on=day(20), reason="RC7", summary="Done", by=alice
        )
    assert refused.value.code == "enquiry_unfinished"


def test_an_episode_with_a_plan_running_does_not_close(episode, alice, cath):
    on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        cin.close_episode(
            episode, closed_on=day(20), reason="RC7", summary="Done", by=alice
        )
    assert refused.value.code == "cp_plan_open"


def test_the_episode_closes_after_its_protection_work(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    plans.end_plan(plan, ended_on=day(30), reason="transferred", by=alice)
    with pytest.raises(DomainError) as refused:
        cin.close_episode(
            episode, closed_on=day(29), reason="RC5", summary="Moved", by=alice
        )
    assert refused.value.code == "date_too_early"
    closed = cin.close_episode(
        episode, closed_on=day(30), reason="RC5", summary="Moved", by=alice
    )
    assert closed.referral_nfa is False


def test_2990_closing_after_an_authorised_assessment_is_refused(episode, alice, mona):
    from haven.assessments import services as assess
    from haven.assessments.starting import start_assessment

    assessment = start_assessment(episode, started_on=day(0), by=alice)
    assessment = assess.save_assessment(
        assessment,
        {
            "reason": "School reports bruising",
            "factors": ["16A"],
            "analysis": "Not substantiated",
            "recommendation": "No further action",
            "outcome": "nfa",
        },
        primary_need="N1",
        by=alice,
    )
    assess.submit_assessment(assessment, by=alice)
    assess.authorise_assessment(assessment, by=mona)
    enquiry(episode, alice, outcome=EnquiryOutcome.NOT_SUBSTANTIATED)
    with pytest.raises(DomainError) as refused:
        cin.close_episode(
            episode, closed_on=day(20), reason="RC8", summary="Done", by=alice
        )
    assert refused.value.code == "protection_on_episode"
