"""The demo authority's child protection histories (haven/protection/demo.py):
each kind the issue asks for is there, the census's rules hold for all of
them, and the benchmark's ageing can finish them."""

import datetime as dt

import pytest

from haven.casework.codes import NoteKind
from haven.casework.models import CaseNote
from haven.cin.models import CinEpisode
from haven.cin.models import Plan as CinPlan
from haven.cin.services import close_episode
from haven.core import clock, journal
from haven.frontdoor.codes import STRATEGY_DECISIONS
from haven.frontdoor.models import ContactChild
from haven.protection import demo, demo_ageing
from haven.protection.codes import (
    INITIAL_KINDS,
    Category,
    ConferenceDecision,
    ConferenceKind,
    EnquiryOutcome,
    StrategyDecision,
)
from haven.protection.models import (
    ChildProtectionPlan,
    Conference,
    PlanConcern,
    Section47Enquiry,
    StrategyDiscussion,
)
from haven.timescales import selectors
from haven.timescales.models import Obligation

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def authority(demo_authority: None) -> None:
    """The demo authority of tests/demo_authority.py (enough children for every
    kind in demo.CYCLE's first ten, with the front door's strategy decisions
    besides), seeded once for this module, tests/care/test_demo.py and
    tests/returns/demo, rolled back after them."""


def _due(rule_id: str, subject: int, person_id: int) -> Obligation:
    found = selectors.obligation_for(person_id, rule_id, subject)
    assert found is not None, f"no {rule_id} about {subject}"
    return found


# --- each kind ----------------------------------------------------------------


def test_strategy_discussions_some_leading_to_no_enquiry():
    decided = set(StrategyDiscussion.objects.values_list("decision", flat=True))
    assert {StrategyDecision.SECTION_47, StrategyDecision.NO_SECTION_47} <= decided
    for discussion in StrategyDiscussion.objects.filter(decision="no_section_47"):
        assert discussion.no_section_47_reason
        assert not hasattr(discussion, "section_47")


def test_the_front_doors_strategy_decisions_are_each_held():
    decided = ContactChild.objects.filter(
        decision__in=STRATEGY_DECISIONS, person__cin_episodes__closed_on=None
    )
    assert decided.exists()
    for named in decided:
        assert StrategyDiscussion.objects.filter(episode__person=named.person).exists()


def test_section_47_enquiries_with_each_outcome():
    outcomes = set(Section47Enquiry.objects.values_list("outcome", flat=True))
    assert set(EnquiryOutcome.values) <= outcomes


def test_initial_conferences_with_and_without_a_plan_and_one_before_birth():
    initial = Conference.objects.filter(kind__in=INITIAL_KINDS)
    decisions = set(initial.values_list("decision", flat=True))
    assert {ConferenceDecision.PLAN, ConferenceDecision.NO_PLAN} <= decisions
    before_birth = initial.get(kind=ConferenceKind.PRE_BIRTH)
    unborn = before_birth.episode.person
    assert unborn.is_unborn
    assert unborn.expected_date_of_birth > before_birth.held_on
    assert hasattr(before_birth, "started_plan")


def test_plans_with_their_concerns_categories_and_core_groups():
    plans = ChildProtectionPlan.objects.all()
    assert plans.count() >= 6
    for plan in plans:
        assert plan.initial_category in Category.values
        assert PlanConcern.objects.filter(plan=plan).exists()
        first_due = _due("CP-CORE1", plan.pk, plan.person_id).due_on
        if first_due < clock.today():
            assert plan.core_groups.filter(held_on__lte=first_due).exists()


def test_children_on_a_plan_are_visited_and_seen_and_a_few_not_lately():
    today = clock.today()
    month_ago = today - dt.timedelta(days=30)
    for plan in ChildProtectionPlan.objects.filter(started_on__lt=month_ago):
        if plan.person.is_unborn:
            continue
        ended = plan.ended_on or today
        visits = CaseNote.objects.filter(
            person=plan.person,
            kind=NoteKind.VISIT,
            child_seen=True,
            occurred_at__date__gt=plan.started_on,
            occurred_at__date__lt=ended,
        )
        # At least one a month (the default is every 10 working days).
        assert visits.count() >= (ended - plan.started_on).days // 31, plan
    running = [
        p
        for p in ChildProtectionPlan.objects.filter(ended_on=None)
        if not p.person.is_unborn and p.started_on < month_ago
    ]
    overdue = [
        p
        for p in running
        if _due("CP-VISIT", p.person_id, p.person_id).is_overdue(today)
    ]
    assert running
    assert len(overdue) <= len(running) // 3


def test_review_conferences_continuing_and_ending_plans():
    reviews = Conference.objects.filter(kind=ConferenceKind.REVIEW)
    decisions = set(reviews.values_list("decision", flat=True))
    assert {ConferenceDecision.CONTINUE, ConferenceDecision.END_PLAN} <= decisions
    ended_at_first = [
        plan
        for plan in ChildProtectionPlan.objects.exclude(end_conference=None)
        if plan.reviews.count() == 1
    ]
    assert ended_at_first
    for plan in ended_at_first:
        assert plan.end_conference == plan.reviews.get()
        # Stepped down to a child in need plan that day.
        assert CinPlan.objects.filter(
            episode=plan.episode, started_on=plan.ended_on
        ).exists()


def test_a_repeat_plan_for_a_child_whose_first_ended():
    repeats = ChildProtectionPlan.objects.filter(previous_plans__gte=1)
    assert repeats.exists()
    for plan in repeats:
        earlier = ChildProtectionPlan.objects.filter(
            person=plan.person, started_on__lt=plan.started_on
        )
        assert earlier.count() == plan.previous_plans
        assert all(e.ended_on and e.ended_on <= plan.started_on for e in earlier)


def test_an_initial_conference_and_a_first_review_overdue():
    today = clock.today()
    waiting = Section47Enquiry.objects.filter(
        outcome=EnquiryOutcome.SIGNIFICANT_HARM, initial_conference__isnull=True
    )
    overdue = [
        e
        for e in waiting
        if _due("CP-ICPC", e.pk, e.episode.person_id).is_overdue(today)
    ]
    assert overdue
    unreviewed = ChildProtectionPlan.objects.filter(ended_on=None, reviews=None)
    assert [
        p for p in unreviewed if _due("CP-RCPC1", p.pk, p.person_id).is_overdue(today)
    ]


# --- the census's rules -------------------------------------------------------


def _dated(episode: CinEpisode) -> list[dt.date]:
    days = [d.held_on for d in episode.strategy_discussions.all()]
    days += [e.started_on for e in episode.section_47_enquiries.all()]
    days += [
        e.completed_on for e in episode.section_47_enquiries.all() if e.completed_on
    ]
    days += [c.held_on for c in episode.cp_conferences.all()]
    for plan in episode.cp_plans.all():
        days += [plan.started_on] + ([plan.ended_on] if plan.ended_on else [])
        days += [g.held_on for g in plan.core_groups.all()]
    return days


def test_nothing_before_the_referral_or_after_the_closure():
    """Rules 1103-1105 and 2889; 8565."""
    for episode in CinEpisode.objects.filter(strategy_discussions__isnull=False):
        days = _dated(episode)
        assert min(days) >= episode.referral_date
        assert max(days) <= (episode.closed_on or clock.today())


def test_enquiries_start_by_their_conference_and_never_overlap():
    """Rules 8615, 8890 (and 8839: one open an episode)."""
    for enquiry in Section47Enquiry.objects.select_related("initial_conference"):
        conference = getattr(enquiry, "initial_conference", None)
        if conference is not None:
            assert enquiry.started_on <= conference.held_on
            assert enquiry.ended_on == conference.held_on
    for episode in CinEpisode.objects.all():
        spans = sorted(
            (e.started_on, e.ended_on or dt.date.max)
            for e in episode.section_47_enquiries.all()
        )
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end < start


def test_conferences_on_weekdays_and_plans_on_an_initial_conference_day():
    """Rules 8875, 2883/2885, 8840, 8841."""
    assert all(c.held_on.weekday() < 5 for c in Conference.objects.all())
    for plan in ChildProtectionPlan.objects.select_related("starting_conference"):
        assert plan.starting_conference.kind in INITIAL_KINDS
        assert plan.started_on == plan.starting_conference.held_on
        assert all(r.held_on > plan.started_on for r in plan.reviews.all())
        if plan.ended_on:
            assert plan.ended_on > plan.started_on


def test_one_plan_at_a_time_and_no_child_in_need_plan_beside_it():
    """Rules 8935, 8940; 4001, 4016, 4017."""
    for person_id in set(ChildProtectionPlan.objects.values_list("person", flat=True)):
        spans = sorted(
            (p.started_on, p.ended_on or dt.date.max)
            for p in ChildProtectionPlan.objects.filter(person_id=person_id)
        )
        assert sum(1 for _, end in spans if end == dt.date.max) <= 1
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start
        for cin in CinPlan.objects.filter(episode__person_id=person_id):
            cin_end = cin.ended_on or dt.date.max
            for start, end in spans:
                assert cin_end <= start or cin.started_on >= end


def test_closed_episodes_finished_their_enquiries_and_did_not_close_after_assessment():
    """Rules 8868; 2990."""
    for episode in CinEpisode.objects.exclude(closed_on=None):
        for enquiry in episode.section_47_enquiries.all():
            assert enquiry.outcome
            if enquiry.outcome == EnquiryOutcome.SIGNIFICANT_HARM:
                assert hasattr(enquiry, "initial_conference")
        if episode.closure_reason in ("RC8", "RC9"):
            assert not episode.section_47_enquiries.exists()
            assert not episode.cp_plans.exists()


def test_the_journal_is_whole():
    assert journal.verify_all() == []


# --- the benchmark's ageing ---------------------------------------------------


def test_ageing_ends_a_plan_at_a_review_so_the_episode_can_close():
    plan = ChildProtectionPlan.objects.filter(
        ended_on=None, started_on__lt=clock.today() - dt.timedelta(days=7)
    ).first()
    assert plan is not None
    staff = demo.staff_of(plan.person)
    assert staff is not None
    demo_ageing.finish(plan.episode, staff[0], ending=True)
    plan.refresh_from_db()
    assert plan.ended_on is not None
    assert plan.end_conference.kind == ConferenceKind.REVIEW
    close_episode(
        plan.episode,
        closed_on=clock.today(),
        reason="RC7",
        summary="Services ceased.",
        by=staff[0],
    )


def test_the_benchmarks_months_visit_children_on_a_plan():
    later = clock.today() + dt.timedelta(days=60)
    with clock.held_at(clock.start_of(later) + dt.timedelta(hours=17)):
        demo_ageing.visit_open_plans()
    running = [
        p
        for p in ChildProtectionPlan.objects.filter(ended_on=None)
        if not p.person.is_unborn and p.person.allocations.filter(ended_on=None)
    ]
    assert running
    overdue = [
        p
        for p in running
        if _due("CP-VISIT", p.person_id, p.person_id).is_overdue(later)
    ]
    assert len(overdue) <= len(running) // 3
