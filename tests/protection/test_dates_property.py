"""Whatever dates are typed, a conference is never at a weekend (census rule
8875), a plan starts on its conference's day (2885) and never before it, and a
review is never on or before the plan's start (8841)."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core.errors import DomainError
from haven.protection import conferences
from haven.protection.models import ChildProtectionPlan, Conference
from tests.protection.conftest import day, enquiry, meeting

pytestmark = pytest.mark.django_db

# From the day the enquiry's outcome was recorded (day 11) to the eighth week.
offsets = st.integers(min_value=11, max_value=55)


class _Undo(Exception):
    """Raised to roll each example back."""


def _conference_on(episode, worker, chair, held_on: dt.date) -> Conference | None:
    found = enquiry(episode, worker)
    try:
        return conferences.hold_initial_conference(
            episode, meeting(chair, on=held_on), by=worker, section_47=found
        )
    except DomainError as refused:
        assert refused.code == "conference_at_weekend"
        assert held_on.weekday() >= 5
        return None


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(offset=offsets)
def test_a_plan_starts_on_a_weekday_conference(episode, alice, cath, offset):
    held_on = day(offset)
    try:
        with transaction.atomic():
            conference = _conference_on(episode, alice, cath, held_on)
            if conference is not None:
                plan = ChildProtectionPlan.objects.get()
                assert conference.held_on.weekday() < 5
                assert plan.started_on == conference.held_on == held_on
            raise _Undo
    except _Undo:
        pass


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(offset=st.integers(min_value=0, max_value=55))
def test_a_review_is_never_on_or_before_the_plan_start(episode, alice, cath, offset):
    try:
        with transaction.atomic():
            conference = _conference_on(episode, alice, cath, day(15))
            assert conference is not None
            plan = conference.started_plan
            review_day = day(offset)
            try:
                review = conferences.hold_review_conference(
                    plan, meeting(cath, on=review_day, decision="continue"), by=alice
                )
            except DomainError as refused:
                assert refused.code in ("date_too_early", "conference_at_weekend")
                assert review_day <= plan.started_on or review_day.weekday() >= 5
            else:
                assert review.held_on > plan.started_on
                assert review.held_on.weekday() < 5
            raise _Undo
    except _Undo:
        pass
