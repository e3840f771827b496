"""Care plans, plans for permanence and placement plans through the services:
each version supersedes the last and says what changed and why, the first
meets its timescale (the item leaves My work), and strangers are refused."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from haven.care import moves
from haven.care.models import CarePlan, PlacementPlan
from haven.care.plans import reads, recording
from haven.care.plans.recording import CarePlanSections, PlacementPlanSections
from haven.core import clock
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.timescales.models import Obligation, RuleSetting
from haven.timescales.queue import my_work
from tests.care.factories import fostered, in_care, in_home
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db

START = dt.date(2026, 6, 10)  # a Wednesday, five days before "today"


def sections(**kw):
    values = {
        "health": "Registered with Dr Patel; asthma reviewed in July",
        "education": "Stays at Hillside Primary; PEP this term",
        "emotional": "CAMHS referral for sleep",
        "identity": "Attends church with her carer on Sundays",
        "relationships": "Sees her brother at school",
        "contact": "Mother fortnightly, supervised, at the family centre",
        "changes": "Mother to complete the parenting course by September",
    }
    return CarePlanSections(**(values | kw))


def placement_sections(**kw):
    values = {
        "needs": "A quiet room of her own; a routine at bedtime",
        "health": "Stays with Dr Patel",
        "education": "Carer drives her to Hillside Primary",
        "contact": "Carer brings her to the family centre",
        "delegated_authority": "Haircuts, school trips and sleepovers",
        "support": "Supervising social worker visits monthly",
    }
    return PlacementPlanSections(**(values | kw))


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, on=START, placement=fostered(carer))


def _due(child, rule_id):
    return sorted(
        (o.subject, o.due_on, o.status)
        for o in Obligation.objects.filter(person=child, rule_id=rule_id)
    )


def _queued(user, rule_id):
    overdue, rest = my_work(user)
    return [i for i in overdue + rest if i.rule_id == rule_id]


def test_the_first_care_plan_meets_its_timescale_and_leaves_my_work(
    child, alice, period
):
    # Ten working days from Wednesday 10 June: Wednesday 24 June.
    assert _due(child, "LAC-CAREPLAN") == [
        (str(period.pk), dt.date(2026, 6, 24), "due")
    ]
    (item,) = _queued(alice, "LAC-CAREPLAN")
    assert item.url == f"/looked-after/periods/{period.pk}/care-plan/"
    plan = recording.record_care_plan(
        period, sections=sections(), agreed_on=dt.date(2026, 6, 12), by=alice
    )
    assert (plan.number, plan.supersedes, plan.written_by) == (1, None, alice)
    assert _due(child, "LAC-CAREPLAN") == [
        (str(period.pk), dt.date(2026, 6, 24), "met_on_time")
    ]
    assert _queued(alice, "LAC-CAREPLAN") == []
    event = JournalEvent.objects.get(person=child, type="care.care_plan_agreed")
    assert event.payload == {
        "period": period.pk,
        "plan": plan.pk,
        "version": 1,
        "agreed_on": "2026-06-12",
    }


def test_a_plan_agreed_before_the_placement_meets_it_on_time(child, alice, carer):
    period = in_care(child, by=alice, on=START, placement=fostered(carer))
    recording.record_care_plan(
        period, sections=sections(), agreed_on=START - dt.timedelta(days=3), by=alice
    )
    assert _due(child, "LAC-CAREPLAN")[0][2] == "met_on_time"


def test_a_new_version_supersedes_the_last_and_says_why(child, alice, period):
    first = recording.record_care_plan(
        period, sections=sections(), agreed_on=dt.date(2026, 6, 12), by=alice
    )
    with pytest.raises(DomainError) as refused:
        recording.record_care_plan(
            period,
            sections=sections(contact="Mother weekly"),
            agreed_on=dt.date(2026, 6, 11),
            by=alice,
        )
    assert _codes(refused) == ["agreed_before_last_version", "what_changed_required"]
    second = recording.record_care_plan(
        period,
        sections=sections(contact="Mother weekly, unsupervised"),
        agreed_on=dt.date(2026, 6, 15),
        what_changed="Contact increased: supervised sessions went well",
        by=alice,
    )
    assert (second.number, second.supersedes) == (2, first)
    first.refresh_from_db()
    assert first.contact.startswith("Mother fortnightly")  # never overwritten
    assert [p.number for p in reads.care_plans(alice, period)] == [2, 1]
    assert reads.care_plan_in_force(alice, period.person, period) == second


def test_every_fault_is_named_at_once(child, alice, period):
    with pytest.raises(DomainError) as refused:
        recording.record_care_plan(
            period,
            sections=sections(health=" ", contact="", permanence="adoption"),
            agreed_on=None,
            by=alice,
        )
    assert _codes(refused) == [
        "contact_required",
        "date_required",
        "health_required",
        "permanence_reason_required",
    ]
    assert not CarePlan.objects.exists()
    assert not JournalEvent.objects.filter(type="care.care_plan_agreed").exists()


def _permanence_setting(mona):
    RuleSetting.objects.create(
        rule_id="LAC-PERM-PLAN",
        deadline="+4 m",
        applies_from=dt.date(2020, 1, 1),
        reason="Our second review falls about four months in",
        changed_by=mona,
        approved_by=mona,
        recorded_at=clock.now(),
    )


def test_the_plan_for_permanence_is_due_where_the_council_sets_a_date(
    child, alice, mona, carer
):
    _permanence_setting(mona)
    period = in_care(child, by=alice, on=START, placement=fostered(carer))
    assert _due(child, "LAC-PERM-PLAN") == [
        (str(period.pk), dt.date(2026, 10, 10), "due")
    ]
    assert len(_queued(alice, "LAC-PERM-PLAN")) == 1
    recording.record_care_plan(
        period, sections=sections(), agreed_on=dt.date(2026, 6, 12), by=alice
    )
    assert _due(child, "LAC-PERM-PLAN")[0][2] == "due"  # no plan for permanence
    plan = recording.record_care_plan(
        period,
        sections=sections(
            permanence="special_guardianship",
            permanence_reason="Her aunt has cared for her well and wants to",
        ),
        agreed_on=dt.date(2026, 6, 15),
        what_changed="Plan for permanence agreed at the review",
        by=alice,
    )
    assert _due(child, "LAC-PERM-PLAN")[0][2] == "met_on_time"
    assert _queued(alice, "LAC-PERM-PLAN") == []
    event = JournalEvent.objects.get(type="care.permanence_plan_recorded")
    assert event.payload["option"] == "special_guardianship"
    assert event.payload["plan"] == plan.pk


def test_with_no_local_date_the_plan_for_permanence_has_no_due_date(
    child, alice, period
):
    assert _due(child, "LAC-PERM-PLAN") == []


def test_the_plan_for_permanence_may_change_but_not_be_taken_out(child, alice, period):
    recording.record_care_plan(
        period,
        sections=sections(permanence="adoption", permanence_reason="Too young"),
        agreed_on=dt.date(2026, 6, 12),
        by=alice,
    )
    with pytest.raises(DomainError) as refused:
        recording.record_care_plan(
            period,
            sections=sections(),
            agreed_on=dt.date(2026, 6, 15),
            what_changed="Tidied",
            by=alice,
        )
    assert _codes(refused) == ["permanence_removed"]
    recording.record_care_plan(
        period,
        sections=sections(permanence="kinship", permanence_reason="Grandmother"),
        agreed_on=dt.date(2026, 6, 15),
        what_changed="Grandmother assessed positively",
        by=alice,
    )
    changed = JournalEvent.objects.filter(type="care.permanence_plan_recorded")
    assert [e.payload["before"] for e in changed.order_by("sequence")] == [
        "",
        "adoption",
    ]


def test_the_placement_plan_is_due_for_each_placement(child, alice, home, period):
    first = period.placements.get()
    # Five working days from Wednesday 10 June: Wednesday 17 June.
    assert _due(child, "LAC-PLACEPLAN") == [
        (str(first.pk), dt.date(2026, 6, 17), "due")
    ]
    (item,) = _queued(alice, "LAC-PLACEPLAN")
    assert item.url == f"/looked-after/placements/{first.pk}/placement-plan/"
    plan = recording.record_placement_plan(
        first,
        sections=placement_sections(),
        agreed_with="Maureen Fairweather",
        agreed_on=dt.date(2026, 6, 11),
        by=alice,
    )
    assert (plan.number, plan.agreed_with) == (1, "Maureen Fairweather")
    assert _queued(alice, "LAC-PLACEPLAN") == []
    moves.move_placement(
        period,
        on=dt.date(2026, 6, 15),
        placement=in_home(home),
        reason="CARPL",
        by=alice,
    )
    second = period.placements.order_by("-started_on").first()
    assert _due(child, "LAC-PLACEPLAN") == [
        (str(first.pk), dt.date(2026, 6, 17), "met_on_time"),
        (str(second.pk), dt.date(2026, 6, 22), "due"),
    ]


def test_a_placement_plan_names_every_fault_and_versions_like_the_care_plan(
    child, alice, period
):
    placement = period.placements.get()
    with pytest.raises(DomainError) as refused:
        recording.record_placement_plan(
            placement,
            sections=placement_sections(delegated_authority=""),
            agreed_with="",
            agreed_on=dt.date(2026, 7, 1),
            by=alice,
        )
    assert _codes(refused) == [
        "agreed_with_required",
        "date_in_future",
        "delegated_authority_required",
    ]
    first = recording.record_placement_plan(
        placement,
        sections=placement_sections(),
        agreed_with="Maureen",
        agreed_on=dt.date(2026, 6, 11),
        by=alice,
    )
    second = recording.record_placement_plan(
        placement,
        sections=placement_sections(support="Weekly for the first month"),
        agreed_with="Maureen",
        agreed_on=dt.date(2026, 6, 14),
        what_changed="More support while she settles",
        by=alice,
    )
    assert second.supersedes == first
    assert [p.number for p in reads.placement_plans(alice, placement)] == [2, 1]


def test_strangers_may_neither_read_nor_write_a_plan(child, alice, bob, fiona, period):
    recording.record_care_plan(
        period, sections=sections(), agreed_on=dt.date(2026, 6, 12), by=alice
    )
    with pytest.raises(AccessDenied):
        recording.record_care_plan(
            period, sections=sections(), agreed_on=dt.date(2026, 6, 12), by=bob
        )
    with pytest.raises(AccessDenied):
        reads.care_plans(bob, period)
    with pytest.raises(AccessDenied):
        reads.placement_plans(bob, period.placements.get())
    with pytest.raises(DomainError) as refused:
        recording.record_placement_plan(
            period.placements.get(),
            sections=placement_sections(),
            agreed_with="Maureen",
            agreed_on=dt.date(2026, 6, 11),
            by=fiona,
        )
    assert refused.value.code == "not_permitted"
    assert CarePlan.objects.count() == 1 and not PlacementPlan.objects.exists()


def test_the_database_keeps_the_chain_whole(child, alice, period):
    first = recording.record_care_plan(
        period, sections=sections(), agreed_on=dt.date(2026, 6, 12), by=alice
    )
    values = {
        "period": period,
        "agreed_on": dt.date(2026, 6, 13),
        "written_by": alice,
        **vars(sections()),
    }
    for broken in (
        {"number": 2, "supersedes": first},  # no reason
        {"number": 2, "what_changed": "x"},  # supersedes nothing
        {"number": 1, "what_changed": "x"},  # a second version 1
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            CarePlan.objects.create(**values, **broken)


def test_a_plan_is_never_read_through_another_child(child, bob, carer, period, alice):
    """Bob may open his own child only: naming her with Jasmine's period (or
    placement) reads nothing of Jasmine's."""
    recording.record_care_plan(
        period, sections=sections(), agreed_on=dt.date(2026, 6, 12), by=alice
    )
    his = ChildFactory(given_name="Tom", family_name="Ashworth")
    allocate_case(his, team=bob.team, worker=bob, on=dt.date(2024, 1, 5), by=bob)
    placement = period.placements.get()
    with pytest.raises(AccessDenied):
        reads.care_plan_in_force(bob, his, period)
    with pytest.raises(AccessDenied):
        reads.placement_plan_in_force(bob, his, period, placement)
    # Jasmine's own period, with a placement of another period, is refused too.
    his_period = in_care(his, by=bob, on=START, placement=fostered(carer))
    with pytest.raises(AccessDenied):
        reads.placement_plan_in_force(bob, his, his_period, placement)
    assert reads.care_plan_in_force(bob, his, his_period) is None
