"""Transfers between authorities: a plan transferred in becomes our final
plan (SEN2 TransferLA, AssessmentOutcome H) with SEN-ANNUAL from the
transfer; an open request passed on (SEN2 Exported) closes and its clocks
end."""

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse

from haven.core.errors import AccessDenied, DomainError, DomainErrors
from haven.send import plans
from haven.send.changes import transfers
from haven.send.models import EhcRequest
from tests.conftest import make_user
from tests.send.changes_steps import DUE, ENDED, obligations
from tests.send.conftest import ago, requested

pytestmark = pytest.mark.django_db


def _text(school) -> plans.PlanText:
    return plans.PlanText(sections={"b": "Autism"}, setting=school, primary_need="ASD")


def test_a_plan_transferred_in_is_reviewed_12_months_after_the_transfer(
    sally, child, school
):
    plan = transfers.transfer_in(
        child, previous_la="202", transferred_on=ago(30), text=_text(school), by=sally
    )
    request = EhcRequest.objects.get(pk=plan.request_id)
    assert request.transfer_in.previous_la == "202"
    assert (plan.issued_on, plan.setting, request.closed) == (ago(30), school, True)
    assert obligations(child, "SEN-ANNUAL") == [
        (str(plan.pk), DUE, ago(30) + relativedelta(months=12))
    ]
    assert obligations(child, "SEN-EHCP-20W") == []
    with pytest.raises(DomainError) as refused:
        transfers.transfer_in(
            child,
            previous_la="202",
            transferred_on=ago(1),
            text=_text(school),
            by=sally,
        )
    assert refused.value.code == "has_plan"


def test_transfer_in_names_every_fault_at_once(sally, school):
    with pytest.raises(DomainErrors) as refused:
        transfers.transfer_in(
            None, previous_la="22", transferred_on=None, text=plans.PlanText(), by=sally
        )
    assert refused.value.codes == [
        "child_required",
        "la_invalid",
        "date_required",
        "need_required",
        "setting_required",
    ]


def test_an_open_request_passed_on_closes_and_its_clocks_end(sally, child):
    request = requested(child, sally, days=10)
    transfers.export(request, la="941", on=ago(2), by=sally)
    request = EhcRequest.objects.get(pk=request.pk)
    assert (request.export.la, request.closed) == ("941", True)
    assert request.stage == "Passed to another local authority"
    for rule_id in ("SEN-ASSESS-DECISION", "SEN-NO-PLAN", "SEN-EHCP-20W"):
        assert [s for _k, s, _d in obligations(child, rule_id)] == [ENDED]
    with pytest.raises(DomainError) as refused:
        transfers.export(request, la="941", on=ago(1), by=sally)
    assert refused.value.code == "closed"
    requested(child, sally, days=1)  # a new request may follow


def test_someone_without_access_is_refused(client, sally, alice, child, service):
    request = requested(child, sally, days=10)
    other = make_user("otto", "send_officer", service)
    with pytest.raises(AccessDenied):
        transfers.export(request, la="941", on=ago(2), by=other)
    with pytest.raises(DomainError) as refused:
        transfers.transfer_in(
            child,
            previous_la="202",
            transferred_on=ago(1),
            text=plans.PlanText(),
            by=alice,
        )
    assert refused.value.code == "not_permitted"
    client.force_login(other)
    assert client.get(reverse("send:export", args=[request.pk])).status_code == 403
    client.force_login(alice)
    assert client.get(reverse("send:transfer_in")).status_code == 403


def test_the_demo_transfers_amends_and_appeals_whatever_the_day(sally, child, school):
    """haven/send/changes/demo.py on one child."""
    from haven.send.changes import demo

    demo.populate(child, sally, [school])
    plan = EhcRequest.objects.get(person=child).plan
    assert plan.amendments.get().issued_on is not None
    assert [s for _k, s, _d in obligations(child, "SEN-PHASE")] == [DUE]
    assert plan.request.appeals.count() == 1
