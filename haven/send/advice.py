"""Advice for an EHC needs assessment (SENDR reg 6-8): asked for once the
child is to be assessed, each kind once, within the 6 weeks of SEN-ADVICE.
The social care advice is asked of the child's allocated social worker, whose
queue shows it (haven/send/work.py)."""

import datetime as dt
from collections.abc import Sequence

from django.db import transaction

from haven.core import access as record_access
from haven.core.caseroles import CaseRole
from haven.core.errors import DomainError, Failures
from haven.core.models import Allocation, User
from haven.send import access, permissions
from haven.send.codes import AdviceKind
from haven.send.models import Advice, Decision, EhcRequest
from haven.send.rules import check_date, locked, may_manage, record_event


def social_worker_of(request: EhcRequest) -> User | None:
    allocation = (
        Allocation.objects.filter(
            person_id=request.person_id,
            role=CaseRole.SOCIAL_WORKER,
            ended_on__isnull=True,
            worker__isnull=False,
        )
        .select_related("worker")
        .first()
    )
    return allocation.worker if allocation else None


def request_advice(
    request: EhcRequest, *, kinds: Sequence[str], on: dt.date | None, by: User
) -> list[Advice]:
    """Ask for the kinds of advice chosen, each once."""
    may_manage(by, request)
    with transaction.atomic():
        request = locked(request)
        failures = Failures()
        if request.assess != Decision.YES or request.issue:
            failures.add(
                "not_assessing", "Advice is asked for while the child is assessed"
            )
        if not kinds or any(kind not in AdviceKind.values for kind in kinds):
            failures.add("kinds_required", "Choose the advice to ask for", "kinds")
        asked = set(request.advice.values_list("kind", flat=True))
        for kind in sorted(asked & set(kinds)):
            failures.add(
                "already_asked",
                f"{AdviceKind(kind).label} has already been asked for",
                "kinds",
            )
        check_date(
            failures,
            on,
            field="on",
            what="the advice was asked for",
            not_before=request.assess_decided_on,
            not_before_words="the decision to assess",
        )
        failures.raise_any()
        assert on is not None
        return [_ask(request, kind, on, by) for kind in kinds]


def _ask(request: EhcRequest, kind: str, on: dt.date, by: User) -> Advice:
    worker = social_worker_of(request) if kind == AdviceKind.SOCIAL_CARE else None
    advice = Advice.objects.create(
        request=request,
        kind=kind,
        requested_on=on,
        requested_from=worker,
        asked_of=str(worker) if worker else "",
    )
    payload = {"advice": advice.pk, "kind": kind, "asked_of": advice.asked_of}
    record_event(request, "advice_requested", payload, by=by, on=on)
    return advice


def record_advice(
    advice: Advice, *, received_on: dt.date | None, summary: str, by: User
) -> Advice:
    """Record the advice given: by the SEND officer, or by the social worker it
    was asked of."""
    if not permissions.may_give_advice(by, advice):
        raise DomainError("not_permitted", "This advice was not asked of you")
    if permissions.may_manage_ehc(by):
        access.require(by, advice.request.person)
    else:
        record_access.require_lasting_access(by, advice.request.person)
    with transaction.atomic():
        request = locked(advice.request)
        advice = Advice.objects.select_for_update().get(pk=advice.pk)
        failures = Failures()
        if advice.received_on is not None:
            failures.add("already_given", "This advice has already been recorded")
        check_date(
            failures,
            received_on,
            field="received_on",
            what="the advice was given",
            not_before=advice.requested_on,
            not_before_words="the date it was asked for",
        )
        if not summary.strip():
            failures.add("summary_required", "Enter the advice", "summary")
        failures.raise_any()
        assert received_on is not None
        advice.received_on, advice.summary = received_on, summary.strip()
        advice.save(update_fields=["received_on", "summary"])
        payload = {"advice": advice.pk, "kind": advice.kind}
        record_event(request, "advice_received", payload, by=by, on=received_on)
    return advice
