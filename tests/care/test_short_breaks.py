"""The SSDA903's limits on short breaks recorded as individual episodes (V3),
refused when the break is recorded (haven/care/short_breaks.py): each lasts at
most 17 days (rule 365), and a child has at most 75 days of them in a
collection year (rule 367)."""

import datetime as dt

import pytest

from haven.care import services
from haven.care.models import PeriodOfCare
from haven.core.errors import DomainError
from tests.care.factories import fostered, in_care

pytestmark = pytest.mark.django_db

FIRST = dt.date(2025, 4, 7)  # a Monday, early in the 2025-26 collection year


def _break(child, alice, carer, start, days):
    period = in_care(
        child, by=alice, on=start, legal_status="V3", placement=fostered(carer)
    )
    services.end_period_of_care(
        period, on=start + dt.timedelta(days=days), reason="E13", by=alice
    )
    return period


def _codes(refused):
    return sorted(f.code for f in refused.value.failures)


def test_a_break_of_17_days_is_recorded_and_one_of_18_is_refused(child, alice, carer):
    _break(child, alice, carer, FIRST, 17)
    second = FIRST + dt.timedelta(days=30)
    period = in_care(
        child, by=alice, on=second, legal_status="V3", placement=fostered(carer)
    )
    with pytest.raises(DomainError) as refused:
        services.end_period_of_care(
            period, on=second + dt.timedelta(days=18), reason="E13", by=alice
        )
    assert _codes(refused) == ["short_break_too_long"]
    assert "at most 17 days (SSDA903 rule 365)" in str(refused.value.failures[0])
    # Nothing recorded is lost: the break stays open, to be ended in time.
    period.refresh_from_db()
    assert period.ended_on is None


def test_at_most_75_days_of_breaks_in_a_collection_year(child, alice, carer):
    for number in range(5):  # five breaks of 15 days: 75 days
        _break(child, alice, carer, FIRST + dt.timedelta(days=30 * number), 15)
    start = FIRST + dt.timedelta(days=30 * 5)
    period = in_care(
        child, by=alice, on=start, legal_status="V3", placement=fostered(carer)
    )
    with pytest.raises(DomainError) as refused:
        services.end_period_of_care(
            period, on=start + dt.timedelta(days=2), reason="E13", by=alice
        )
    assert _codes(refused) == ["short_breaks_over_a_year"]
    assert "would have 77" in str(refused.value.failures[0])
    period.refresh_from_db()
    assert period.ended_on is None


def test_each_collection_year_counts_its_own_breaks(child, alice, carer):
    for number in range(5):
        _break(child, alice, carer, FIRST + dt.timedelta(days=30 * number), 15)
    _break(child, alice, carer, dt.date(2026, 4, 6), 10)  # 2026-27 starts afresh
    assert PeriodOfCare.objects.filter(person=child).count() == 6


def test_a_longer_stay_as_another_short_break_status_is_not_held_to_17_days(
    child, alice, carer
):
    period = in_care(
        child, by=alice, on=FIRST, legal_status="V4", placement=fostered(carer)
    )
    services.end_period_of_care(
        period, on=FIRST + dt.timedelta(days=40), reason="E13", by=alice
    )
