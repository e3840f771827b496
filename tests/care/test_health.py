"""A looked-after child's health assessments: the initial one falls due 20
working days after care starts, and each assessment sets the next review six
months on for a child under 5 and a year on from the 5th birthday (CPPCR reg
7), on the social worker's work queue; each refusal names every fault."""

import datetime as dt

import pytest

from haven.care import services
from haven.care.models import HealthAssessment
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.core.services import allocate_case
from haven.timescales.queue import my_work
from tests.care.factories import fostered, in_care
from tests.care.health_helpers import START, assess, due, statuses
from tests.factories import ChildFactory

pytestmark = pytest.mark.django_db
D = dt.date


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


@pytest.fixture
def period(child, alice, carer):
    return in_care(child, by=alice, on=START, placement=fostered(carer))


def test_the_initial_assessment_is_due_20_working_days_after_care_starts(child, period):
    # From Friday 10 January 2025: 20 working days is Friday 7 February.
    assert due(child) == [("LAC-HEALTH-IHA-20", D(2025, 2, 7))]


def test_the_initial_assessment_is_on_the_social_workers_queue(
    child, period, alice, today
):
    overdue, _ = my_work(alice)
    (item,) = [i for i in overdue if i.rule_id == "LAC-HEALTH-IHA-20"]
    assert (item.person_id, item.due_on) == (child.pk, D(2025, 2, 7))
    assert item.title == "Arrange the initial health assessment"
    assert item.url.endswith(
        f"/looked-after/periods/{period.pk}/health/initial-assessment/"
    )


def test_an_initial_assessment_meets_it_and_starts_the_yearly_review(
    child, period, alice
):
    assess(child, by=alice, on=D(2025, 2, 3), kind="initial")
    assert statuses(child, "LAC-HEALTH-IHA-20") == [(D(2025, 2, 7), "met_on_time")]
    # Jasmine is 8: a review every year.
    assert due(child) == [("LAC-HEALTH-RHA-5", D(2026, 2, 3))]


def test_a_late_initial_assessment_is_met_late(child, period, alice):
    assess(child, by=alice, on=D(2025, 2, 20), kind="initial")
    assert statuses(child, "LAC-HEALTH-IHA-20") == [(D(2025, 2, 7), "met_late")]


def test_a_review_does_not_meet_the_initial_assessment(child, period, alice):
    assess(child, by=alice, on=D(2025, 2, 3), kind="review")
    assert due(child) == [
        ("LAC-HEALTH-IHA-20", D(2025, 2, 7)),
        ("LAC-HEALTH-RHA-5", D(2026, 2, 3)),
    ]


@pytest.mark.parametrize(
    ("reviewed_on", "expected"),
    [
        # The day before the 5th birthday: six months on.
        (D(2025, 8, 31), ("LAC-HEALTH-RHA", D(2026, 2, 28))),
        # On the 5th birthday: a year on.
        (D(2025, 9, 1), ("LAC-HEALTH-RHA-5", D(2026, 9, 1))),
    ],
)
def test_the_review_falls_due_by_the_childs_age_on_the_day(
    alice, mona, team, carer, today, reviewed_on, expected
):
    young = ChildFactory(given_name="Poppy", date_of_birth=D(2020, 9, 1))
    allocate_case(young, team=team, worker=alice, on=D(2024, 1, 5), by=mona)
    in_care(young, by=alice, on=START, placement=fostered(carer))
    assess(young, by=alice, on=D(2025, 1, 20), kind="initial")  # aged 4
    assert due(young) == [("LAC-HEALTH-RHA", D(2025, 7, 20))]
    assess(young, by=alice, on=reviewed_on)
    assert due(young) == [expected]
    assert statuses(young, "LAC-HEALTH-RHA")[:1] == [(D(2025, 7, 20), "met_late")]


def test_ending_care_ends_the_reviews(child, period, alice):
    assess(child, by=alice, on=D(2025, 2, 3), kind="initial")
    services.end_period_of_care(period, on=D(2025, 6, 1), reason="E11", by=alice)
    assert due(child) == []
    assert statuses(child, "LAC-HEALTH-RHA-5") == [
        (D(2026, 2, 3), "no_longer_required")
    ]


def test_the_assessment_is_recorded_and_journalled(child, period, alice):
    made = assess(child, by=alice, on=D(2025, 2, 3), kind="initial")
    assert (made.period, made.professional, made.role) == (
        period,
        "Dr Priya Okafor",
        "Community paediatrician",
    )
    event = JournalEvent.objects.get(
        person=child, type="care.health_assessment_completed"
    )
    assert event.payload == {
        "health_assessment": made.pk,
        "child": child.pk,
        "kind": "initial",
        "completed_on": "2025-02-03",
        "professional": "Dr Priya Okafor",
        "role": "Community paediatrician",
        "period": period.pk,
    }
    assert event.actor == alice


def test_every_fault_is_named_at_once(child, period, alice):
    with pytest.raises(DomainError) as refused:
        assess(
            child, by=alice, on=None, kind_="", professional=" ", role="", outcome=""
        )
    assert _codes(refused) == [
        "date_required",
        "kind_required",
        "outcome_required",
        "professional_required",
        "role_required",
    ]
    assert not HealthAssessment.objects.exists()


def test_it_refuses_a_day_the_child_was_not_looked_after(child, period, alice):
    with pytest.raises(DomainError) as refused:
        assess(child, by=alice, on=D(2024, 12, 1))
    assert _codes(refused) == ["not_looked_after"]


def test_it_refuses_a_future_day(child, period, alice, today):
    with pytest.raises(DomainError) as refused:
        assess(child, by=alice, on=today + dt.timedelta(days=1))
    assert _codes(refused) == ["date_in_future"]


def test_it_refuses_a_second_initial_assessment_in_one_period(child, period, alice):
    assess(child, by=alice, on=D(2025, 2, 3), kind="initial")
    with pytest.raises(DomainError) as refused:
        assess(child, by=alice, on=D(2025, 3, 3), kind="initial")
    assert _codes(refused) == ["initial_recorded"]


def test_strangers_may_not_record_an_assessment(child, period, bob, fiona):
    with pytest.raises(AccessDenied):
        assess(child, by=bob, on=D(2025, 2, 3))
    with pytest.raises(DomainError) as refused:
        assess(child, by=fiona, on=D(2025, 2, 3))
    assert refused.value.code == "not_permitted"
    assert not HealthAssessment.objects.exists()
