"""Ending a plan without a review conference, where the decision is taken
from one: the child moved away, became looked after, turned 18 or died; with
the reason and the day, every fault named at once."""

import datetime as dt

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import clock
from haven.core.errors import DomainError, DomainErrors
from haven.core.models import JournalEvent
from haven.protection import plans
from haven.protection.codes import WITHOUT_REVIEW
from haven.protection.models import ChildProtectionPlan
from tests.protection.conftest import day, on_a_plan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("reason", [r for r in WITHOUT_REVIEW if r != "turned_18"])
def test_each_reason_ends_the_plan(episode, alice, cath, reason):
    plan = on_a_plan(episode, alice, cath)
    plans.end_plan(plan, ended_on=day(30), reason=reason, note="Moved abroad", by=alice)
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason) == (day(30), reason)
    event = JournalEvent.objects.get(type="protection.child_protection_plan_ended")
    assert event.payload["reason"] == reason


def test_other_says_why(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        plans.end_plan(plan, ended_on=day(30), reason="other", note=" ", by=alice)
    assert refused.value.message == "Say why the plan ended"
    plans.end_plan(plan, ended_on=day(30), reason="other", note="Adopted", by=alice)
    plan.refresh_from_db()
    assert plan.end_note == "Adopted"


def test_everything_missing_is_named_at_once(episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainErrors) as refused:
        plans.end_plan(plan, ended_on=None, reason="", by=alice)
    assert refused.value.codes == ["reason_required", "date_required"]


def test_a_plan_ends_at_18_on_the_birthday(child, episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    with pytest.raises(DomainError) as refused:
        plans.end_plan(plan, ended_on=day(30), reason="turned_18", by=alice)
    assert refused.value.message == (
        f"Kai turns 18 on {child.date_of_birth.replace(year=2034):%-d %B %Y}: a "
        "plan ends for that reason on or after that day"
    )
    child.date_of_birth = day(30).replace(year=day(30).year - 18)
    child.save()
    plan = ChildProtectionPlan.objects.get(pk=plan.pk)
    plans.end_plan(plan, ended_on=day(30), reason="turned_18", by=alice)


def test_a_plan_ended_by_death_ends_on_or_after_it(child, episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    child.date_of_death = day(31)
    child.save()
    plan = ChildProtectionPlan.objects.get(pk=plan.pk)
    with pytest.raises(DomainError) as refused:
        plans.end_plan(plan, ended_on=day(30), reason="died", by=alice)
    assert refused.value.code == "before_death"


class _Undo(Exception):
    """Raised to roll each example back."""


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(offset=st.integers(min_value=-3, max_value=50))
def test_a_plan_ends_after_its_start_and_never_in_the_future(
    episode, alice, cath, offset
):
    ended_on = day(15 + offset)
    allowed = offset >= 1 and ended_on <= clock.today()
    with pytest.raises(_Undo), transaction.atomic():
        plan = on_a_plan(episode, alice, cath)
        try:
            plan = plans.end_plan(
                plan, ended_on=ended_on, reason="transferred", by=alice
            )
        except DomainError as refused:
            assert not allowed
            assert refused.code in ("date_too_early", "date_in_future")
        else:
            assert allowed
            assert plan.ended_on == ended_on > plan.started_on
        raise _Undo


def test_the_page_ends_the_plan(client, episode, alice, cath):
    plan = on_a_plan(episode, alice, cath)
    client.force_login(alice)
    url = f"/child-protection/plans/{plan.pk}/end/"
    refused = client.post(url, {"reason": "no_longer_at_risk"})
    assert "Select a valid choice" in refused.content.decode()
    ended = day(30) + dt.timedelta(days=0)
    client.post(
        url,
        {
            "reason": "looked_after",
            "ended_on_day": ended.day,
            "ended_on_month": ended.month,
            "ended_on_year": ended.year,
        },
    )
    plan.refresh_from_db()
    assert (plan.ended_on, plan.end_reason) == (ended, "looked_after")
