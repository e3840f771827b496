"""Requests for an EHC needs assessment and the local authority's two
decisions: whether to assess (SENDR reg 5) and whether to issue a plan (reg 10).
The clocks these start and stop are the catalogue's (SEN-ASSESS-DECISION,
SEN-NO-PLAN, SEN-EHCP-20W), read from the engine's obligations."""

import datetime as dt

from django.db import transaction
from django.db.models import Q

from haven.core import access, clock
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError, Failures
from haven.core.models import Allocation, User
from haven.core.services import allocate_case
from haven.people.models import Person
from haven.send.codes import RequestSource
from haven.send.models import Decision, EhcRequest
from haven.send.rules import check_date, locked, may_manage, record_event

NO_RECORD = "There is no child with that Haven ID"


def child_for_request(by: User, pk: int | None) -> Person:
    """The child a SEND officer names by Haven ID. The SEND service takes
    requests about any child in the register; a restricted or sealed record the
    officer may not open looks like no record at all."""
    if pk is None:
        raise DomainError("child_required", "Enter the child's Haven ID", "child")
    person = Person.objects.filter(pk=pk, merged_into__isnull=True).first()
    if person is None or (
        access.is_secret(person) and not access.may_change(by, person)
    ):
        raise DomainError("no_such_child", NO_RECORD, "child")
    return person


def record_request(
    person: Person | int | None,
    *,
    received_on: dt.date | None,
    source: str,
    details: str = "",
    rya: bool = False,
    by: User,
) -> EhcRequest:
    """Record a request for an EHC needs assessment for the child (or the child
    of that Haven ID). The SEND officer who records it becomes the child's SEND
    case officer if no one is."""
    may_manage(by)
    failures = Failures()
    child = person if isinstance(person, Person) else None
    if child is None:
        with failures.gather():
            child = child_for_request(by, person if isinstance(person, int) else None)
    check_date(failures, received_on, field="received_on", what="the request came")
    if source not in RequestSource.values:
        failures.add("source_required", "Choose who asked for the assessment", "source")
    if by.team is None:
        failures.add("no_team", "You need a team to hold the child's SEND case")
    if child is not None and _open_request(child):
        failures.add(
            "open_request", f"{child} already has a request that is not finished"
        )
    failures.raise_any()
    assert child is not None and received_on is not None and by.team is not None
    with transaction.atomic():
        if not _held(child):
            allocate_case(
                child, team=by.team, worker=by, role=CaseRole.SEND_OFFICER, by=by
            )
        request = EhcRequest.objects.create(
            person=child,
            received_on=received_on,
            source=source,
            details=details.strip(),
            rya=rya,
            created_by=by,
            created_at=clock.now(),
        )
        record_event(
            request, "assessment_requested", {"source": source}, by=by, on=received_on
        )
    return request


def _open_request(child: Person) -> bool:
    return EhcRequest.objects.filter(person=child).exclude(_closed()).exists()


def _held(person: Person) -> bool:
    return Allocation.objects.filter(
        person=person, role=CaseRole.SEND_OFFICER, ended_on__isnull=True
    ).exists()


def _closed() -> Q:
    """Requests that are finished: decided no, the plan issued, or passed on
    to another authority (changes/transfers.py)."""
    return (
        Q(assess=Decision.NO)
        | Q(issue=Decision.NO)
        | Q(plan__issued_on__isnull=False)
        | Q(export__isnull=False)
    )


def _check_decision(
    failures: Failures,
    decision: str,
    on: dt.date | None,
    reason: str,
    *,
    after: dt.date,
    after_words: str,
    question: str,
) -> None:
    if decision not in Decision.values:
        failures.add("decision_required", question, "decision")
    check_date(
        failures,
        on,
        field="on",
        what="of the decision",
        not_before=after,
        not_before_words=after_words,
    )
    if decision == Decision.NO and not reason.strip():
        failures.add(
            "reason_required",
            "Say why: the family are told, with their appeal rights",
            "reason",
        )


def decide_assessment(
    request: EhcRequest,
    *,
    decision: str,
    on: dt.date | None,
    reason: str = "",
    by: User,
) -> EhcRequest:
    """Decide whether to carry out an EHC needs assessment (SENDR reg 5)."""
    may_manage(by, request)
    with transaction.atomic():
        request = locked(request)
        failures = Failures()
        if request.assess:
            failures.add("already_decided", "Whether to assess is already decided")
        _check_decision(
            failures,
            decision,
            on,
            reason,
            after=request.received_on,
            after_words="the date the request came",
            question="Choose whether the child will be assessed",
        )
        failures.raise_any()
        assert on is not None
        request.assess, request.assess_decided_on = decision, on
        request.assess_reason = reason.strip()
        request.save(update_fields=["assess", "assess_decided_on", "assess_reason"])
        kind = (
            "decided_to_assess" if decision == Decision.YES else "decided_not_to_assess"
        )
        record_event(request, kind, {"reason": request.assess_reason}, by=by, on=on)
    return request


def decide_plan(
    request: EhcRequest,
    *,
    decision: str,
    on: dt.date | None,
    reason: str = "",
    by: User,
) -> EhcRequest:
    """Decide, after the assessment, whether to issue an EHC plan (SENDR reg 10)."""
    may_manage(by, request)
    with transaction.atomic():
        request = locked(request)
        failures = Failures()
        if request.assess != Decision.YES:
            failures.add("not_assessed", "The child must be assessed first")
        elif request.issue:
            failures.add(
                "already_decided", "Whether to issue a plan is already decided"
            )
        _check_decision(
            failures,
            decision,
            on,
            reason,
            after=request.assess_decided_on or request.received_on,
            after_words="the decision to assess",
            question="Choose whether a plan will be issued",
        )
        failures.raise_any()
        assert on is not None
        request.issue, request.issue_decided_on = decision, on
        request.issue_reason = reason.strip()
        request.save(update_fields=["issue", "issue_decided_on", "issue_reason"])
        kind = (
            "decided_to_issue" if decision == Decision.YES else "decided_not_to_issue"
        )
        record_event(request, kind, {"reason": request.issue_reason}, by=by, on=on)
    return request
