"""A form sent twice (or a page read before a colleague's change) is checked
again under lock: refused in words, never written twice, never an IntegrityError."""

import datetime as dt

import pytest

from haven.core.errors import DomainError
from haven.core.models import Allocation, JournalEvent
from haven.core.services import allocate_case
from haven.earlyhelp import services
from haven.earlyhelp.models import (
    EarlyHelpAssessment,
    EarlyHelpRequest,
    FamilyPlan,
    PlanAction,
)
from haven.earlyhelp.services import ActionLine

pytestmark = pytest.mark.django_db


def count(person, type_):
    return JournalEvent.objects.filter(person=person, type=type_).count()


def assess(request, by):
    return services.complete_assessment(
        request,
        family_agreed_on=request.requested_on,
        family_agreed_by="Mum",
        strengths="Close family",
        needs="Routines",
        analysis="Support will help",
        completed_on=dt.date(2026, 4, 1),
        by=by,
    )


def start_plan(request, by):
    return services.start_plan(
        request,
        family_agreed_by="Mum",
        started_on=dt.date(2026, 4, 2),
        actions=[ActionLine("Walk to school", "Mum", dt.date(2026, 4, 30))],
        by=by,
    )


def still_reading(child, ellie):
    """Ellie can still write to the record after closure: her team holds the case
    again (break-glass would let her read it, never write)."""
    allocate_case(
        child, team=ellie.team, worker=ellie, reason="Back to early help", by=ellie
    )


def stale(request):
    """The request as a page read it before the first submit landed."""
    return EarlyHelpRequest.objects.get(pk=request.pk)


def test_allocating_twice_allocates_once(request_, child, emma, ellie):
    second_page = stale(request_)
    services.allocate_request(request_, worker=ellie, on=dt.date(2026, 3, 20), by=emma)
    with pytest.raises(DomainError) as err:
        services.allocate_request(
            second_page, worker=ellie, on=dt.date(2026, 3, 20), by=emma
        )
    assert err.value.code == "already_allocated"
    assert "already with" in err.value.message
    assert count(child, "earlyhelp.request_allocated") == 1
    assert Allocation.objects.filter(person=child, worker=ellie).count() == 1


def test_an_action_done_twice_is_recorded_once(allocated, child, ellie):
    assess(allocated, ellie)
    start_plan(allocated, ellie)
    first = PlanAction.objects.get(plan__request=allocated)
    second = PlanAction.objects.get(pk=first.pk)
    services.complete_action(first, done_on=dt.date(2026, 4, 5), by=ellie)
    with pytest.raises(DomainError) as err:
        services.complete_action(second, done_on=dt.date(2026, 4, 6), by=ellie)
    assert err.value.message == "This action is already done"
    first.refresh_from_db()
    assert first.done_on == dt.date(2026, 4, 5)
    assert count(child, "earlyhelp.plan_action_done") == 1


def test_an_assessment_sent_twice_is_refused_in_words(allocated, child, ellie):
    second_page = stale(allocated)
    assess(allocated, ellie)
    with pytest.raises(DomainError) as err:
        assess(second_page, ellie)
    assert err.value.code == "assessment_done"
    assert count(child, "earlyhelp.assessment_completed") == 1


def test_no_assessment_once_closed_meanwhile(allocated, child, ellie):
    second_page = stale(allocated)
    services.close_episode(
        allocated, closed_on=dt.date(2026, 4, 1), outcome="needs_met", by=ellie
    )
    still_reading(child, ellie)
    with pytest.raises(DomainError) as err:
        assess(second_page, ellie)
    assert err.value.code == "request_closed"
    assert not EarlyHelpAssessment.objects.exists()


def test_a_plan_sent_twice_is_refused_in_words(allocated, child, ellie):
    assess(allocated, ellie)
    start_plan(allocated, ellie)
    with pytest.raises(DomainError) as err:
        start_plan(stale(allocated), ellie)
    assert err.value.code == "plan_exists"
    assert FamilyPlan.objects.count() == 1


def test_no_plan_once_closed_meanwhile(allocated, child, ellie):
    assess(allocated, ellie)
    second_page = stale(allocated)
    services.close_episode(
        allocated, closed_on=dt.date(2026, 4, 2), outcome="needs_met", by=ellie
    )
    still_reading(child, ellie)
    with pytest.raises(DomainError) as err:
        start_plan(second_page, ellie)
    assert err.value.code == "request_closed"
    assert not FamilyPlan.objects.exists()


def test_no_action_done_once_closed_meanwhile(allocated, child, ellie):
    assess(allocated, ellie)
    start_plan(allocated, ellie)
    action = PlanAction.objects.select_related("plan__request").get()
    services.close_episode(
        allocated, closed_on=dt.date(2026, 4, 3), outcome="needs_met", by=ellie
    )
    still_reading(child, ellie)
    with pytest.raises(DomainError) as err:
        services.complete_action(action, done_on=dt.date(2026, 4, 3), by=ellie)
    assert err.value.code == "request_closed"
