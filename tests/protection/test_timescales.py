"""The CP-* timescales: each obligation arises from the events the services
journal, due on the date the engine computes, and is met or ended by the next
step (read through haven.timescales.selectors, as every page reads them)."""

import pytest

from haven.cin import services as cin
from haven.protection import conferences, enquiries, plans, strategy
from haven.protection.codes import EnquiryOutcome
from haven.timescales import selectors
from haven.timescales.calendar import add_months, add_weeks, add_working_days
from haven.timescales.models import Obligation
from tests.protection.conftest import (
    ATTENDANCE,
    day,
    discussion,
    enquiry,
    meeting,
    on_a_plan,
)

pytestmark = pytest.mark.django_db

Status = Obligation.Status


def _held(person, rule_id, subject):
    found = selectors.obligation_for(person.pk, rule_id, subject)
    assert found is not None, f"no {rule_id} about {subject}"
    return found


def test_cp_strat_a_strategy_discussion_is_due_the_next_working_day(
    child, episode, alice
):
    strategy.suspect_significant_harm(episode, on=day(1), concern="Bruising", by=alice)
    due = _held(child, "CP-STRAT", episode.pk)
    assert (due.due_on, due.status) == (add_working_days(day(1), 1), Status.DUE)
    discussion(episode, alice, on=day(2))
    assert _held(child, "CP-STRAT", episode.pk).status == Status.MET_ON_TIME


def test_cp_icpc_is_counted_from_the_discussion_that_started_the_enquiry(
    child, episode, alice, cath
):
    started = discussion(episode, alice, on=day(1))
    found = enquiries.start_section_47(started, started_on=day(3), by=alice)
    assert selectors.due_on(child.pk, "CP-ICPC", found.pk) == add_working_days(
        day(1), 15
    )
    # No national count for the enquiry itself: the engine holds no duty.
    assert selectors.due_on(child.pk, "CP-S47", found.pk) is None
    enquiries.record_section_47_outcome(
        found, outcome=EnquiryOutcome.SIGNIFICANT_HARM, completed_on=day(11), by=alice
    )
    request = _held(child, "CP-ICPC-REQUEST", found.pk)
    assert request.due_on == add_working_days(day(11), 1)
    conferences.hold_initial_conference(
        episode, meeting(cath, decision="no_plan"), by=alice, section_47=found
    )
    assert _held(child, "CP-ICPC", found.pk).status == Status.MET_ON_TIME
    assert _held(child, "CP-ICPC-REQUEST", found.pk).status == Status.MET_LATE


def test_cp_icpc_is_not_required_when_the_enquiry_calls_no_conference(
    child, episode, alice
):
    found = enquiry(episode, alice, outcome=EnquiryOutcome.NOT_SUBSTANTIATED)
    assert _held(child, "CP-ICPC", found.pk).status == Status.NO_LONGER_REQUIRED
    assert selectors.obligation_for(child.pk, "CP-ICPC-REQUEST", found.pk) is None


def test_a_plan_starts_its_core_groups_reviews_and_visits(child, episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    assert selectors.due_on(child.pk, "CP-CORE1", plan.pk) == add_working_days(
        day(15), 10
    )
    assert selectors.due_on(child.pk, "CP-RCPC1", plan.pk) == add_months(day(15), 3)
    assert selectors.due_on(child.pk, "CP-VISIT", child.pk) == add_working_days(
        day(15), 10
    )


def test_core_groups_then_fall_due_every_four_weeks(child, episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    plans.record_core_group(
        plan, held_on=day(22), attendance=ATTENDANCE, progress="Some", by=alice
    )
    assert _held(child, "CP-CORE1", plan.pk).status == Status.MET_ON_TIME
    assert selectors.next_due_on(child.pk, "CP-CORE-N", plan.pk) == add_weeks(
        day(22), 4
    )
    plans.record_core_group(
        plan, held_on=day(43), attendance=ATTENDANCE, progress="More", by=alice
    )
    assert selectors.next_due_on(child.pk, "CP-CORE-N", plan.pk) == add_weeks(
        day(43), 4
    )


def test_reviews_then_fall_due_every_six_months(child, episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    review = meeting(cath, on=day(50), decision="continue")
    conferences.hold_review_conference(plan, review, by=alice)
    assert _held(child, "CP-RCPC1", plan.pk).status == Status.MET_ON_TIME
    assert selectors.next_due_on(child.pk, "CP-RCPC-N", plan.pk) == add_months(
        day(50), 6
    )


def test_ending_the_plan_ends_its_duties(child, episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    conferences.hold_review_conference(
        plan, meeting(cath, on=day(50), decision="end_plan"), by=alice
    )
    for rule_id, subject in (
        ("CP-CORE1", plan.pk),
        ("CP-RCPC-N", plan.pk),
        ("CP-VISIT", child.pk),
    ):
        assert _held(child, rule_id, subject).status == Status.NO_LONGER_REQUIRED
    assert _held(child, "CP-RCPC1", plan.pk).status == Status.MET_ON_TIME


def test_closing_the_episode_ends_a_strategy_discussion_still_due(
    child, episode, alice
):
    strategy.suspect_significant_harm(episode, on=day(1), concern="Bruising", by=alice)
    cin.close_episode(
        episode, closed_on=day(2), reason="RC7", summary="Moved away", by=alice
    )
    assert _held(child, "CP-STRAT", episode.pk).status == Status.NO_LONGER_REQUIRED


def test_a_cin_plan_replaced_by_a_cp_plan_has_no_visits_due(
    child, episode, alice, cath
):
    from haven.cin import plans as cin_plans
    from haven.cin.rules import ActionLine

    cin_plans.start_plan(
        episode,
        started_on=day(2),
        actions=[ActionLine("Kai attends school", "Mother", day(90), "A review")],
        by=alice,
        primary_need="N1",
    )
    running = episode.plans.get()
    on_a_plan(episode, alice, cath)
    assert _held(child, "CIN-VISIT", child.pk).status == Status.NO_LONGER_REQUIRED
    assert _held(child, "CIN-REVIEW", running.pk).status == Status.NO_LONGER_REQUIRED
    assert _held(child, "CP-VISIT", child.pk).status == Status.DUE
