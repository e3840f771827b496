"""For any reviews recorded, on any days and in any order (those out of order
refused), the reviews are numbered 1, 2, 3... in the order held, and the
engine holds exactly the one review due that the final records say (CPPCR
reg 33): the first 20 working days after care started, the second 3 months
after the first, then 6 months after the last."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from haven.care.models import Review
from haven.core.errors import DomainError
from haven.timescales.calendar import add_months, add_working_days
from haven.timescales.models import Obligation
from tests.care.reviews.conftest import START, review

TODAY = dt.date(2026, 6, 15)
days = st.integers(-10, (TODAY - START).days + 5).map(
    lambda n: START + dt.timedelta(days=n)
)


def expected(period) -> set[tuple[str, dt.date]]:
    held = [r.held_on for r in period.reviews.order_by("number")]
    if not held:
        return {("LAC-REVIEW-1", add_working_days(START, 20))}
    if len(held) == 1:
        return {("LAC-REVIEW-2", add_months(held[0], 3))}
    return {("LAC-REVIEW-N", add_months(held[-1], 6))}


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(on=st.lists(days, max_size=6))
def test_the_review_due_is_what_the_final_records_say(
    on, child, period, with_iro, today
):
    with transaction.atomic():
        for day in on:
            try:
                review(period, with_iro, day)
                event("accepted")
            except DomainError:
                event("refused")
        reviews = list(Review.objects.filter(period=period).order_by("held_on"))
        assert [r.number for r in reviews] == list(range(1, len(reviews) + 1))
        due = {
            (o.rule_id, o.due_on)
            for o in Obligation.objects.filter(
                person=child, status="due", rule_id__startswith="LAC-REVIEW"
            )
        }
        assert due == expected(period)
        transaction.set_rollback(True)
