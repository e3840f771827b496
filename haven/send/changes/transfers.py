"""Transfers between local authorities. In (SENDR reg 15): a child arrives
with a final plan from another authority; we record it as our own request
and final plan, which SEN2 reports with AssessmentOutcome H and TransferLA.
Out: a plan ceased with reason 5 (ceasing.py), or an open request passed to
the new authority (SEN2 Exported), which closes it and ends its clocks."""

import datetime as dt

from django.db import transaction

from haven.core import clock
from haven.core.caseroles import CaseRole
from haven.core.errors import Failures
from haven.core.models import User
from haven.core.services import allocate_case
from haven.people.models import Person
from haven.send.changes.common import check_la
from haven.send.changes.models import RequestExport, TransferIn
from haven.send.codes import RequestSource
from haven.send.models import Decision, EhcPlan, EhcRequest
from haven.send.plans import PlanText
from haven.send.plans import _check_needs as check_needs
from haven.send.rules import check_date, locked, may_manage, record_event
from haven.send.services import _held, _open_request, child_for_request


def _check_in(
    failures: Failures,
    child: Person | None,
    previous_la: str,
    transferred_on: dt.date | None,
    text: PlanText,
    by: User,
) -> str:
    la = check_la(failures, previous_la, field="previous_la", what="previous authority")
    check_date(
        failures, transferred_on, field="transferred_on", what="the plan transferred"
    )
    check_needs(failures, text, required=True)
    if text.setting is None:
        failures.add("setting_required", "Choose the school or setting", "setting")
    if by.team is None:
        failures.add("no_team", "You need a team to hold the child's SEND case")
    if child is not None and _open_request(child):
        failures.add(
            "open_request", f"{child} already has a request that is not finished"
        )
    if (
        child is not None
        and EhcPlan.objects.filter(
            person=child, issued_on__isnull=False, ceased_on__isnull=True
        ).exists()
    ):
        failures.add("has_plan", f"{child} already has a plan with us")
    return la


def transfer_in(
    person: Person | int | None,
    *,
    previous_la: str,
    transferred_on: dt.date | None,
    text: PlanText,
    by: User,
) -> EhcPlan:
    """Take on the plan of a child who moved here. Its first review with us is
    SEN-ANNUAL counted from the transfer: reg 15 allows the later of 12 months
    from the plan's making or last review and 3 months from the transfer,
    which the catalogue does not hold, so the 12 months from the transfer is
    the (safe, earlier or equal) date shown."""
    may_manage(by)
    failures = Failures()
    child = person if isinstance(person, Person) else None
    if child is None:
        with failures.gather():
            child = child_for_request(by, person if isinstance(person, int) else None)
    la = _check_in(failures, child, previous_la, transferred_on, text, by)
    failures.raise_any()
    assert child is not None and transferred_on is not None and by.team is not None
    with transaction.atomic():
        if not _held(child):
            allocate_case(
                child, team=by.team, worker=by, role=CaseRole.SEND_OFFICER, by=by
            )
        day, yes = transferred_on, Decision.YES
        request = EhcRequest.objects.create(
            person=child,
            received_on=day,
            source=RequestSource.OTHER,
            details=f"EHC plan transferred from local authority {la}",
            assess=yes,
            assess_decided_on=day,
            issue=yes,
            issue_decided_on=day,
            created_by=by,
            created_at=clock.now(),
        )
        TransferIn.objects.create(
            request=request,
            previous_la=la,
            transferred_on=day,
            created_by=by,
            created_at=clock.now(),
        )
        plan = EhcPlan(
            request=request, person=child, draft_served_on=day, issued_on=day
        )
        text.apply(plan)
        plan.save()
        record_event(request, "plan_transferred_in", {"la": la}, by=by, on=day)
        payload = {"plan": plan.pk, "transferred_from": la}
        record_event(request, "plan_finalised", payload, by=by, on=day)
    return plan


def export(
    request: EhcRequest, *, la: str, on: dt.date | None, by: User
) -> RequestExport:
    """Pass an open request to the child's new authority: it closes here."""
    may_manage(by, request)
    with transaction.atomic():
        request = locked(request)
        failures = Failures()
        if request.closed:
            failures.add("closed", "The request is finished: it cannot be passed on")
        code = check_la(failures, la, field="la", what="new authority")
        check_date(
            failures,
            on,
            field="on",
            what="the request was passed on",
            not_before=request.received_on,
            not_before_words="the request came",
        )
        failures.raise_any()
        assert on is not None
        exported = RequestExport.objects.create(
            request=request,
            la=code,
            exported_on=on,
            created_by=by,
            created_at=clock.now(),
        )
        record_event(request, "request_exported", {"la": code}, by=by, on=on)
    return exported
