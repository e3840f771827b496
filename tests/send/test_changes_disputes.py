"""Mediation and tribunal appeals: the decision disputed sets SEN2's flags;
an order starts SEN-TRIBUNAL, due by the period the council set (the rule
has no national deadline: without the council's value there is none); its
compliance meets it."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.core import clock
from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.send import services
from haven.send.changes import disputes
from haven.timescales.models import RuleSetting
from tests.conftest import make_user
from tests.send.changes_steps import DUE, MET, issued_plan, obligations
from tests.send.conftest import ago, requested

pytestmark = pytest.mark.django_db


def _council_sets(rule_id: str, deadline: str, by) -> None:
    RuleSetting.objects.create(
        rule_id=rule_id,
        deadline=deadline,
        applies_from=dt.date(2020, 1, 1),
        reason="Our period for tribunal orders",
        changed_by=by,
        approved_by=by,
        recorded_at=clock.now(),
    )


def test_an_order_is_due_by_the_councils_period_and_met_by_compliance(
    sally, child, school
):
    plan = issued_plan(child, sally, school)
    _council_sets("SEN-TRIBUNAL", "+5 w", sally)
    appeal = disputes.register_appeal(
        plan.request,
        disputed="content",
        registered_on=ago(60),
        hearing_on=ago(20),
        by=sally,
    )
    disputes.decide_appeal(
        appeal,
        decided_on=ago(10),
        outcome="order",
        order_type="name",
        order="Name Hill High in section I",
        by=sally,
    )
    key = str(appeal.pk)
    assert obligations(child, "SEN-TRIBUNAL") == [
        (key, DUE, ago(10) + dt.timedelta(weeks=5))
    ]
    disputes.comply(appeal, complied_on=ago(2), by=sally)
    assert obligations(child, "SEN-TRIBUNAL") == [
        (key, MET, ago(10) + dt.timedelta(weeks=5))
    ]
    assert disputes.sen2_flags(plan.request)["OtherTribunal"] == 1


def test_without_the_councils_period_an_order_has_no_date(sally, child, school):
    plan = issued_plan(child, sally, school)
    appeal = disputes.register_appeal(
        plan.request, disputed="content", registered_on=ago(60), by=sally
    )
    disputes.decide_appeal(
        appeal,
        decided_on=ago(10),
        outcome="order",
        order_type="amend",
        order="x",
        by=sally,
    )
    assert obligations(child, "SEN-TRIBUNAL") == []


def test_mediation_on_a_refusal_to_assess_sets_the_request_flag(sally, child):
    request = requested(child, sally, days=60)
    with pytest.raises(DomainError) as refused:
        disputes.record_mediation(
            request,
            disputed="not_to_assess",
            started_on=ago(20),
            ended_on=ago(10),
            outcome="agreed",
            by=sally,
        )
    assert refused.value.code == "no_such_decision"
    services.decide_assessment(
        request, decision="N", on=ago(30), reason="Needs met at school", by=sally
    )
    disputes.record_mediation(
        request,
        disputed="not_to_assess",
        started_on=ago(20),
        ended_on=ago(10),
        outcome="not_agreed",
        by=sally,
    )
    disputes.register_appeal(
        request, disputed="not_to_assess", registered_on=ago(5), by=sally
    )
    flags = disputes.sen2_flags(request)
    assert flags == {
        "RequestMediation": 1,
        "RequestTribunal": 1,
        "AssessmentMediation": 0,
        "AssessmentTribunal": 0,
        "OtherMediation": 0,
        "OtherTribunal": 0,
    }


def test_every_fault_at_once(sally, child, school):
    plan = issued_plan(child, sally, school)
    with pytest.raises(DomainErrors) as refused:
        disputes.record_mediation(
            plan.request,
            disputed="",
            started_on=None,
            ended_on=None,
            outcome="",
            by=sally,
        )
    assert refused.value.codes == [
        "disputed_required",
        "date_required",
        "date_required",
        "outcome_required",
    ]
    appeal = disputes.register_appeal(
        plan.request, disputed="content", registered_on=ago(9), by=sally
    )
    with pytest.raises(DomainErrors) as refused:
        disputes.decide_appeal(
            appeal, decided_on=ago(10), outcome="order", order_type="", by=sally
        )
    assert refused.value.codes == [
        "date_too_early",
        "order_type_required",
        "order_required",
    ]
    with pytest.raises(DomainErrors) as refused:
        disputes.comply(appeal, complied_on=None, by=sally)
    assert refused.value.codes == ["no_order", "date_required"]


def test_someone_without_access_is_refused(client, sally, child, school, service):
    plan = issued_plan(child, sally, school)
    other = make_user("otto", "send_officer", service)
    with pytest.raises(AccessDenied):
        disputes.register_appeal(
            plan.request, disputed="content", registered_on=ago(9), by=other
        )
    appeal = disputes.register_appeal(
        plan.request, disputed="content", registered_on=ago(9), by=sally
    )
    client.force_login(other)
    assert client.get(reverse("send:appeal", args=[plan.request_id])).status_code == 403
    url = reverse("send:appeal_decision", args=[appeal.pk])
    assert client.get(url).status_code == 403
