import datetime as dt

import pytest

from haven.core import access, clock
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import Allocation, JournalEvent
from haven.earlyhelp import services
from haven.earlyhelp.codes import ClosureOutcome
from haven.earlyhelp.models import EarlyHelpRequest, PlanAction
from haven.earlyhelp.services import ActionLine
from tests.conftest import make_user
from tests.earlyhelp.conftest import REQUESTED

pytestmark = pytest.mark.django_db


def events(person, type_):
    return list(JournalEvent.objects.filter(person=person, type=type_))


def assess(request, by, on=dt.date(2026, 4, 1)):
    return services.complete_assessment(
        request,
        family_agreed_on=request.requested_on,
        family_agreed_by="Mum",
        strengths="Loving grandparents nearby",
        needs="Help with school attendance",
        analysis="Needs met with support",
        family_view="Want help",
        child_view="Likes school",
        completed_on=on,
        by=by,
    )


def plan(request, by, on=dt.date(2026, 4, 2)):
    return services.start_plan(
        request,
        family_agreed_by="Mum",
        started_on=on,
        actions=[
            ActionLine("Walk to school together", "Mum", dt.date(2026, 4, 30)),
            ActionLine("Book parenting course", "Ellie", dt.date(2026, 4, 10)),
        ],
        by=by,
    )


def test_a_request_joins_the_early_help_teams_queue_and_is_journalled(
    request_, child, eh_team
):
    assert request_.team == eh_team
    assert request_.allocated_on is None
    [event] = events(child, "earlyhelp.requested")
    assert event.payload["request"] == request_.pk
    assert event.payload["source"] == "step_down"
    assert event.payload["contact"] is None
    assert event.occurred_at.date() == REQUESTED


def test_a_request_needs_a_reason_a_known_source_and_a_past_date(child, alice, ellie):
    with pytest.raises(DomainError) as err:
        services.request_early_help(
            child,
            requested_on=REQUESTED,
            reason=" ",
            source="direct",
            contact_id=None,
            by=alice,
        )
    assert err.value.field == "reason"
    with pytest.raises(DomainError) as err:
        services.request_early_help(
            child,
            requested_on=REQUESTED,
            reason="x",
            source="nonsense",
            contact_id=None,
            by=alice,
        )
    assert err.value.code == "bad_source"
    with pytest.raises(DomainError) as err:
        services.request_early_help(
            child,
            requested_on=clock.today() + dt.timedelta(days=3),
            reason="x",
            source="direct",
            contact_id=None,
            by=alice,
        )
    assert err.value.code == "date_in_future"


def test_only_one_open_request_per_child(request_, child, alice):
    with pytest.raises(DomainError) as err:
        services.request_early_help(
            child,
            requested_on=REQUESTED,
            reason="Again",
            source="direct",
            contact_id=None,
            by=alice,
        )
    assert err.value.code == "open_request"


def test_bob_cannot_ask_for_early_help_for_a_child_he_cannot_open(child, bob):
    with pytest.raises(AccessDenied):
        services.request_early_help(
            child,
            requested_on=REQUESTED,
            reason="x",
            source="direct",
            contact_id=None,
            by=bob,
        )


def test_roles_without_recording_may_not_ask(child, team):
    analyst = make_user("pat", "performance_analyst", team)
    with pytest.raises(DomainError) as err:
        services.request_early_help(
            child,
            requested_on=REQUESTED,
            reason="x",
            source="direct",
            contact_id=None,
            by=analyst,
        )
    assert err.value.code == "not_permitted"


def test_early_help_workers_can_open_children_waiting_in_their_queue(
    request_, child, ellie
):
    assert access.why_user_may_open(ellie, child) == "Early help: open request"


def test_the_manager_allocates_and_the_case_goes_to_the_worker(
    allocated, child, ellie, eh_team
):
    assert allocated.allocated_on == dt.date(2026, 3, 20)
    assert allocated.allocated_worker == ellie
    current = Allocation.objects.get(person=child, ended_on__isnull=True)
    assert (current.worker, current.team) == (ellie, eh_team)
    [event] = events(child, "earlyhelp.request_allocated")
    assert event.payload["waited_days"] == 18
    assert event.payload["worker_id"] == ellie.pk


def test_workers_who_do_not_manage_the_team_cannot_allocate(request_, ellie, mona):
    for user in (ellie, mona):
        with pytest.raises(DomainError) as err:
            services.allocate_request(request_, worker=ellie, by=user)
        assert err.value.code == "not_permitted"


def test_allocation_refuses_workers_outside_managed_teams_and_early_dates(
    request_, emma, alice, ellie
):
    with pytest.raises(DomainError) as err:
        services.allocate_request(request_, worker=alice, by=emma)
    assert err.value.field == "worker"
    with pytest.raises(DomainError) as err:
        services.allocate_request(
            request_, worker=ellie, on=REQUESTED - dt.timedelta(days=1), by=emma
        )
    assert err.value.code == "date_too_early"


def test_a_team_manager_of_the_early_help_team_may_allocate(request_, eh_team, ellie):
    manager = make_user("tom", "team_manager", eh_team)
    eh_team.managers.add(manager)
    services.allocate_request(request_, worker=ellie, by=manager)
    request_.refresh_from_db()
    assert request_.allocated_worker == ellie


def test_assessment_needs_allocation_then_its_fields(request_, allocated, ellie):
    with pytest.raises(DomainError) as err:
        services.complete_assessment(
            allocated,
            family_agreed_on=allocated.requested_on,
            family_agreed_by="Mum",
            strengths="",
            needs="n",
            analysis="a",
            completed_on=dt.date(2026, 4, 1),
            by=ellie,
        )
    assert err.value.field == "strengths"
    with pytest.raises(DomainError) as err:
        services.complete_assessment(
            allocated,
            family_agreed_on=allocated.requested_on,
            family_agreed_by="Mum",
            strengths="s",
            needs="n",
            analysis="a",
            completed_on=dt.date(2026, 3, 1),
            by=ellie,
        )
    assert err.value.field == "completed_on"


def test_assessment_is_refused_while_the_family_waits(request_, ellie):
    with pytest.raises(DomainError) as err:
        assess(request_, ellie)
    assert err.value.code == "not_allocated"


def test_the_whole_episode_assessment_plan_review_closure(allocated, child, ellie):
    assessment = assess(allocated, ellie)
    assert assessment.started_on == dt.date(2026, 3, 20)
    family_plan = plan(allocated, ellie)
    assert family_plan.actions.count() == 2
    assert set(family_plan.actions.values_list("owner", flat=True)) == {ellie.pk}
    action = family_plan.actions.first()
    services.complete_action(action, done_on=dt.date(2026, 4, 9), by=ellie)
    review = services.review_plan(
        family_plan,
        held_on=dt.date(2026, 5, 1),
        progress="Attendance up to 95%",
        next_steps="Carry on",
        by=ellie,
    )
    assert review.pk
    closed = services.close_episode(
        allocated,
        closed_on=dt.date(2026, 6, 1),
        outcome=ClosureOutcome.NEEDS_MET,
        by=ellie,
    )
    assert closed.outcome == "needs_met"
    types = [
        e.type
        for e in JournalEvent.objects.filter(
            person=child, type__startswith="earlyhelp."
        ).order_by("sequence")
    ]
    assert types == [
        "earlyhelp.requested",
        "earlyhelp.request_allocated",
        "earlyhelp.assessment_completed",
        "earlyhelp.plan_started",
        "earlyhelp.plan_action_done",
        "earlyhelp.plan_reviewed",
        "earlyhelp.episode_closed",
    ]
    # Closed: open actions leave the worker's list.
    assert not PlanAction.objects.filter(owner=ellie, done_on__isnull=True).exists()


def test_plan_needs_an_assessment_and_actions(allocated, ellie):
    with pytest.raises(DomainError) as err:
        plan(allocated, ellie)
    assert err.value.code == "no_assessment"
    assess(allocated, ellie)
    with pytest.raises(DomainError) as err:
        services.start_plan(
            allocated,
            family_agreed_by="Mum",
            started_on=dt.date(2026, 4, 2),
            actions=[],
            by=ellie,
        )
    assert err.value.code == "no_actions"
    with pytest.raises(DomainError) as err:
        services.start_plan(
            allocated,
            family_agreed_by="Mum",
            started_on=dt.date(2026, 4, 2),
            actions=[ActionLine("Do it", "Mum", dt.date(2026, 4, 1))],
            by=ellie,
        )
    assert err.value.field == "by_when_1"
    with pytest.raises(DomainError) as err:
        services.start_plan(
            allocated,
            family_agreed_by="Mum",
            started_on=dt.date(2026, 4, 2),
            actions=[ActionLine("Do it", "", dt.date(2026, 4, 5))],
            by=ellie,
        )
    assert err.value.field == "who_1"


def test_review_must_follow_the_plan_and_say_what_progress(allocated, ellie):
    assess(allocated, ellie)
    family_plan = plan(allocated, ellie)
    with pytest.raises(DomainError) as err:
        services.review_plan(
            family_plan, held_on=dt.date(2026, 4, 1), progress="x", by=ellie
        )
    assert err.value.field == "held_on"
    with pytest.raises(DomainError) as err:
        services.review_plan(
            family_plan, held_on=dt.date(2026, 5, 1), progress=" ", by=ellie
        )
    assert err.value.field == "progress"


def test_closure_validations(allocated, ellie):
    with pytest.raises(DomainError) as err:
        services.close_episode(
            allocated, closed_on=dt.date(2026, 6, 1), outcome="step_up", by=ellie
        )
    assert err.value.code == "use_step_up"
    with pytest.raises(DomainError) as err:
        services.close_episode(
            allocated, closed_on=dt.date(2026, 6, 1), outcome="other", by=ellie
        )
    assert err.value.field == "notes"
    with pytest.raises(DomainError) as err:
        services.close_episode(
            allocated, closed_on=dt.date(2026, 3, 1), outcome="needs_met", by=ellie
        )
    assert err.value.field == "closed_on"


def test_a_closed_episode_takes_no_more_work(allocated, ellie, mona):
    services.close_episode(
        allocated,
        closed_on=dt.date(2026, 4, 1),
        outcome=ClosureOutcome.FAMILY_DECLINED,
        by=ellie,
    )
    allocated.refresh_from_db()
    # Mona manages the team the case went back to, so she may still open it.
    with pytest.raises(DomainError) as err:
        assess(allocated, mona)
    assert err.value.code == "request_closed"


def test_a_waiting_family_can_be_closed_from_the_queue(request_, ellie):
    services.close_episode(
        request_,
        closed_on=dt.date(2026, 3, 10),
        outcome=ClosureOutcome.MOVED_AWAY,
        by=ellie,
    )
    request_.refresh_from_db()
    assert request_.closed_on == dt.date(2026, 3, 10)


def test_bob_cannot_work_the_episode(allocated, bob):
    with pytest.raises(DomainError):
        assess(allocated, bob)


def test_a_new_request_is_allowed_after_closure_and_history_is_kept(
    allocated, child, ellie, alice
):
    services.close_episode(
        allocated, closed_on=dt.date(2026, 4, 1), outcome="needs_met", by=ellie
    )
    again = services.request_early_help(
        child,
        requested_on=dt.date(2026, 5, 1),
        reason="Again",
        source="direct",
        contact_id=None,
        by=alice,
    )
    assert EarlyHelpRequest.objects.filter(person=child).count() == 2
    assert again.closed_on is None
