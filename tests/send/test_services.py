"""SEND's services: a request through the decisions, advice and plans, each
refusal with every fault at once, and the journal events the clocks read."""

import datetime as dt

import pytest

from haven.core.caseroles import CaseRole
from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.core.models import Allocation, JournalEvent
from haven.core.services import restrict_record
from haven.send import advice, plans, services
from haven.send.models import EhcRequest
from haven.timescales.models import Obligation
from tests.send.conftest import ago, assessing, drafted, requested, to_issue

pytestmark = pytest.mark.django_db


def _types(child) -> list[str]:
    return list(
        JournalEvent.objects.filter(person=child, type__startswith="send.")
        .order_by("sequence")
        .values_list("type", flat=True)
    )


def _due(child, rule_id: str) -> list[dt.date]:
    return list(
        Obligation.objects.filter(
            person=child, rule_id=rule_id, status=Obligation.Status.DUE
        ).values_list("due_on", flat=True)
    )


def test_a_request_makes_the_officer_case_officer_and_starts_the_clocks(sally, child):
    request = requested(child, sally, days=10)
    held = Allocation.objects.get(person=child, role=CaseRole.SEND_OFFICER)
    assert (held.worker, held.team) == (sally, sally.team)
    assert _types(child) == ["send.assessment_requested"]
    assert _due(child, "SEN-ASSESS-DECISION") == [
        request.received_on + dt.timedelta(weeks=6)
    ]
    assert _due(child, "SEN-EHCP-20W") == [request.received_on + dt.timedelta(weeks=20)]


def test_a_request_refuses_every_fault_at_once(sally, child):
    with pytest.raises(DomainErrors) as refused:
        services.record_request(
            None, received_on=ago(-3), source="", details="", by=sally
        )
    assert refused.value.codes == [
        "child_required",
        "date_in_future",
        "source_required",
    ]


def test_only_a_send_officer_records_a_request(alice, child):
    with pytest.raises(DomainError) as refused:
        requested(child, alice)
    assert refused.value.code == "not_permitted"


def test_a_restricted_child_looks_like_no_record_to_the_officer(sally, mona, child):
    restrict_record(child, kind="restricted", reason="A staff member's child", by=mona)
    with pytest.raises(DomainError) as refused:
        services.record_request(
            child.pk, received_on=ago(1), source="parent", details="", by=sally
        )
    assert refused.value.code == "no_such_child"
    assert refused.value.message == services.NO_RECORD


def test_a_second_open_request_is_refused(sally, child):
    requested(child, sally)
    with pytest.raises(DomainError) as refused:
        requested(child, sally, days=5)
    assert refused.value.code == "open_request"


def test_deciding_not_to_assess_needs_reasons_and_ends_the_20_weeks(sally, child):
    request = requested(child, sally)
    with pytest.raises(DomainError) as refused:
        services.decide_assessment(request, decision="N", on=ago(60), by=sally)
    assert refused.value.code == "reason_required"
    services.decide_assessment(
        request, decision="N", on=ago(60), reason="Needs met at school", by=sally
    )
    assert _due(child, "SEN-EHCP-20W") == []
    assert _due(child, "SEN-ASSESS-DECISION") == []
    statuses = Obligation.objects.filter(person=child).values_list("rule_id", "status")
    assert ("SEN-ASSESS-DECISION", Obligation.Status.MET_ON_TIME) in set(statuses)


def test_a_decision_before_the_request_came_is_refused(sally, child):
    request = requested(child, sally, days=10)
    with pytest.raises(DomainError) as refused:
        services.decide_assessment(request, decision="Y", on=ago(20), by=sally)
    assert refused.value.code == "date_too_early"


def test_an_officer_in_another_team_is_refused(sally, child, service):
    from tests.conftest import make_user

    other = make_user("otto", "send_officer", service)
    request = requested(child, sally)
    with pytest.raises(AccessDenied):
        services.decide_assessment(request, decision="Y", on=ago(1), by=other)


def test_social_care_advice_is_asked_of_the_social_worker_who_gives_it(
    sally, alice, child
):
    request = assessing(child, sally)
    asked = advice.request_advice(
        request, kinds=["education", "social_care"], on=ago(70), by=sally
    )
    social = next(a for a in asked if a.kind == "social_care")
    assert social.requested_from == alice
    assert len(_due(child, "SEN-ADVICE")) == 2
    advice.record_advice(
        social, received_on=ago(60), summary="Known to us; family support.", by=alice
    )
    assert len(_due(child, "SEN-ADVICE")) == 1
    assert _types(child)[-1] == "send.advice_received"


def test_another_social_worker_may_not_give_the_advice(sally, bob, child):
    request = assessing(child, sally)
    (asked,) = advice.request_advice(
        request, kinds=["social_care"], on=ago(70), by=sally
    )
    with pytest.raises(DomainError) as refused:
        advice.record_advice(asked, received_on=ago(1), summary="x", by=bob)
    assert refused.value.code == "not_permitted"


def test_advice_is_asked_for_once_of_each_kind(sally, child):
    request = assessing(child, sally)
    advice.request_advice(request, kinds=["health"], on=ago(70), by=sally)
    with pytest.raises(DomainError) as refused:
        advice.request_advice(request, kinds=["health"], on=ago(69), by=sally)
    assert refused.value.code == "already_asked"


def test_advice_waits_for_the_decision_to_assess(sally, child):
    request = requested(child, sally)
    with pytest.raises(DomainErrors) as refused:
        advice.request_advice(request, kinds=[], on=None, by=sally)
    assert refused.value.codes == ["not_assessing", "kinds_required", "date_required"]


def test_deciding_not_to_issue_meets_the_16_weeks_and_ends_the_20(sally, child):
    request = assessing(child, sally)
    services.decide_plan(
        request, decision="N", on=ago(40), reason="Support at SEN support", by=sally
    )
    assert _due(child, "SEN-NO-PLAN") == []
    assert _due(child, "SEN-EHCP-20W") == []
    assert EhcRequest.objects.get(pk=request.pk).closed


def test_the_final_plan_waits_for_the_familys_15_days(sally, child, school):
    plan = drafted(child, sally)  # served 30 days ago
    text = plans.PlanText(setting=school, primary_need="ASD")
    with pytest.raises(DomainError) as refused:
        plans.issue_plan(plan, on=ago(20), text=text, by=sally)
    assert refused.value.code == "date_too_early"
    plans.issue_plan(plan, on=ago(15), text=text, exception="holiday", by=sally)
    plan.refresh_from_db()
    assert (plan.issued_on, plan.setting, plan.exception) == (
        ago(15),
        school,
        "holiday",
    )
    assert _due(child, "SEN-EHCP-20W") == []
    met = Obligation.objects.get(person=child, rule_id="SEN-EHCP-20W")
    assert met.status == Obligation.Status.MET_ON_TIME


def test_the_final_plan_refuses_every_fault_at_once(sally, child):
    plan = drafted(child, sally)
    text = plans.PlanText(primary_need="XX", secondary_need="")
    with pytest.raises(DomainErrors) as refused:
        plans.issue_plan(plan, on=None, text=text, exception="bad", by=sally)
    assert refused.value.codes == [
        "date_required",
        "need_unknown",
        "setting_required",
        "exception_unknown",
    ]


def test_a_draft_waits_for_the_decision_to_issue(sally, child):
    request = assessing(child, sally)
    with pytest.raises(DomainError) as refused:
        plans.serve_draft(request, on=ago(1), text=plans.PlanText(), by=sally)
    assert refused.value.code == "not_to_issue"


def test_the_plan_keeps_its_sections(sally, child):
    request = to_issue(child, sally)
    text = plans.PlanText(sections={"b": "Autism", "f": "1:1 support"})
    plan = plans.serve_draft(request, on=ago(30), text=text, by=sally)
    assert (plan.section_b, plan.section_f, plan.section_k) == (
        "Autism",
        "1:1 support",
        "",
    )
