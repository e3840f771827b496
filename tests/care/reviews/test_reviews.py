"""Looked-after reviews chaired by the child's IRO (CPPCR reg 33): recorded
in order with the child's participation and the IRO's recommendations, and
falling due from the timescale engine on the right days."""

import datetime as dt

import pytest

from haven.care.models import Recommendation, Review
from haven.care.reviews import reads, recording
from haven.core.chronology import describe
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import JournalEvent
from haven.timescales.models import Obligation
from tests.care.factories import fostered, in_care
from tests.care.reviews.conftest import START, review

pytestmark = pytest.mark.django_db
D = dt.date


def due(child):
    return sorted(
        (o.rule_id, o.due_on)
        for o in Obligation.objects.filter(
            person=child, status="due", rule_id__startswith="LAC-REVIEW"
        )
    )


def codes(refused):
    return sorted(f.code for f in refused.value.failures)


def test_the_first_review_is_due_20_working_days_after_care_starts(
    child, period, today
):
    # 10 April 2025 is day 0; Good Friday, Easter Monday and the early May bank
    # holiday are not working days.
    assert due(child) == [("LAC-REVIEW-1", D(2025, 5, 13))]


def test_a_series_of_short_breaks_has_an_iro_but_not_the_first_reviews_20_days(
    child, alice, carer
):
    # CPPCR reg 48: short breaks are reviewed on their own timetable.
    in_care(child, by=alice, on=START, legal_status="V4", placement=fostered(carer))
    assert due(child) == []
    assert Obligation.objects.filter(person=child, rule_id="LAC-IRO-APPT").exists()


def test_the_second_review_is_due_3_months_after_the_first(
    child, period, with_iro, today
):
    review(period, with_iro, D(2025, 5, 9))
    assert due(child) == [("LAC-REVIEW-2", D(2025, 8, 9))]
    first = Obligation.objects.get(person=child, rule_id="LAC-REVIEW-1")
    assert first.status == "met_on_time"


def test_then_every_six_months_from_the_last(child, period, with_iro, today):
    review(period, with_iro, D(2025, 5, 9))
    review(period, with_iro, D(2025, 8, 1))
    assert due(child) == [("LAC-REVIEW-N", D(2026, 2, 1))]
    review(period, with_iro, D(2026, 2, 20))  # late
    assert due(child) == [("LAC-REVIEW-N", D(2026, 8, 20))]
    assert [
        o.status
        for o in Obligation.objects.filter(
            person=child, rule_id="LAC-REVIEW-N"
        ).order_by("due_on")
    ] == ["met_late", "due"]


def test_a_late_first_review_is_met_late(child, period, with_iro, today):
    review(period, with_iro, D(2025, 5, 14))
    assert Obligation.objects.get(rule_id="LAC-REVIEW-1").status == "met_late"


def test_ending_care_ends_the_review_duties(child, alice, period, with_iro, today):
    from haven.care.services import end_period_of_care

    review(period, with_iro, D(2025, 5, 9))
    end_period_of_care(period, on=D(2025, 6, 1), reason="E11", by=alice)
    assert due(child) == []


def test_a_review_records_its_iro_participation_attendance_and_journal(
    child, alice, period, with_iro, today
):
    made = review(
        period,
        with_iro,
        D(2025, 5, 9),
        recommendations=[
            recording.NewRecommendation("Refer to CAMHS", alice, D(2025, 6, 1)),
            recording.NewRecommendation("", None, None),  # a blank row
        ],
    )
    assert (made.number, made.chair, made.participation) == (1, with_iro, "PN1")
    assert [r.description for r in made.recommendations.all()] == ["Refer to CAMHS"]
    types = list(
        JournalEvent.objects.filter(person=child, type__startswith="care.")
        .order_by("sequence")
        .values_list("type", flat=True)
    )
    assert types[-2:] == ["care.review_held", "care.first_review_held"]
    held = JournalEvent.objects.get(type="care.review_held")
    assert held.payload["period"] == period.pk
    assert describe(held).startswith("Looked-after review 1 held: The child attended")
    assert reads.iro_of(child).worker == with_iro


def test_every_fault_is_named_at_once(child, period, with_iro, bob, today):
    with pytest.raises(DomainError) as refused:
        recording.record_review(
            period,
            held_on=D(2025, 4, 1),  # before care started
            participation="PN9",
            attended=" ",
            recommendations=[
                recording.NewRecommendation("", bob, D(2025, 3, 1)),
            ],
            by=with_iro,
        )
    assert codes(refused) == [
        "attended_required",
        "outside_care",
        "participation_required",
        "recommendation_due_before_review",
        "recommendation_owner_required",
        "recommendation_required",
    ]
    fields = {f.field for f in refused.value.failures}
    assert {"rec0-description", "rec0-owner", "rec0-due_on"} <= fields
    assert not Review.objects.exists()


def test_pn0_is_for_a_child_under_four_and_only_them(child, period, with_iro, today):
    with pytest.raises(DomainError) as refused:
        review(period, with_iro, D(2025, 5, 9), code="PN0")
    assert refused.value.code == "participation_not_under_four"
    child.date_of_birth = D(2022, 1, 1)
    child.save()
    with pytest.raises(DomainError) as refused:
        review(period, with_iro, D(2025, 5, 9), code="PN1")
    assert refused.value.code == "participation_under_four"
    assert review(period, with_iro, D(2025, 5, 9), code="PN0").participation == "PN0"


def test_reviews_are_recorded_in_the_order_they_were_held(
    child, period, with_iro, today
):
    review(period, with_iro, D(2025, 5, 9))
    with pytest.raises(DomainError) as refused:
        review(period, with_iro, D(2025, 5, 1))
    assert refused.value.code == "before_last_review"
    assert review(period, with_iro, D(2025, 8, 1)).number == 2


def test_only_an_iro_records_a_review(child, alice, period, today):
    with pytest.raises(DomainError) as refused:
        review(period, alice, D(2025, 5, 9))
    assert refused.value.code == "not_permitted"


def test_an_iro_who_is_not_the_childs_is_refused(child, period, iris, today):
    with pytest.raises(AccessDenied):
        review(period, iris, D(2025, 5, 9))
    assert not Review.objects.exists()
    assert not Recommendation.objects.exists()
