"""A family's disagreement with a decision: mediation (CAFA s52-53) and an
appeal to the First-tier Tribunal (CAFA s51; SENDR reg 44). An order starts
SEN-TRIBUNAL, due by the period the council sets (the rule has no national
deadline: a RuleSetting, haven/timescales/services.py); compliance meets it.
Which decision was disputed gives SEN2's mediation and tribunal flags."""

import datetime as dt

from django.db import transaction

from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import User
from haven.send.changes.codes import (
    SEN2_FLAG_PREFIX,
    AppealOutcome,
    Disputed,
    MediationOutcome,
    OrderType,
)
from haven.send.changes.models import Appeal, Mediation
from haven.send.models import Decision, EhcRequest
from haven.send.rules import check_date, locked, may_manage, record_event


def _check_disputed(failures: Failures, request: EhcRequest, disputed: str) -> None:
    plan = getattr(request, "plan", None)
    made = {
        Disputed.NOT_TO_ASSESS: request.assess == Decision.NO,
        Disputed.NOT_TO_ISSUE: request.issue == Decision.NO,
        Disputed.CONTENT: plan is not None and plan.issued_on is not None,
    }
    if disputed not in Disputed.values:
        failures.add("disputed_required", "Choose the decision disputed", "disputed")
    elif not made[Disputed(disputed)]:
        failures.add(
            "no_such_decision",
            f"{Disputed(disputed).label} has not been made on this request",
            "disputed",
        )


def record_mediation(
    request: EhcRequest,
    *,
    disputed: str,
    started_on: dt.date | None,
    ended_on: dt.date | None,
    outcome: str,
    by: User,
) -> Mediation:
    """Record a mediation, once it has ended, with its outcome."""
    may_manage(by, request)
    with transaction.atomic():
        request = locked(request)
        failures = Failures()
        _check_disputed(failures, request, disputed)
        check_date(failures, started_on, field="started_on", what="mediation began")
        check_date(
            failures,
            ended_on,
            field="ended_on",
            what="mediation ended",
            not_before=started_on,
            not_before_words="it began",
        )
        if outcome not in MediationOutcome.values:
            failures.add("outcome_required", "Choose the outcome", "outcome")
        failures.raise_any()
        assert started_on is not None and ended_on is not None
        mediation = Mediation.objects.create(
            request=request,
            disputed=disputed,
            started_on=started_on,
            ended_on=ended_on,
            outcome=outcome,
            created_by=by,
            created_at=clock.now(),
        )
        payload = {"mediation": mediation.pk, "disputed": disputed, "outcome": outcome}
        record_event(request, "mediation_recorded", payload, by=by, on=ended_on)
    return mediation


def register_appeal(
    request: EhcRequest,
    *,
    disputed: str,
    registered_on: dt.date | None,
    hearing_on: dt.date | None = None,
    by: User,
) -> Appeal:
    """Record an appeal the tribunal registered, with its hearing date if set
    (a hearing may be in the future)."""
    may_manage(by, request)
    with transaction.atomic():
        request = locked(request)
        failures = Failures()
        _check_disputed(failures, request, disputed)
        check_date(
            failures, registered_on, field="registered_on", what="it was registered"
        )
        if hearing_on and registered_on and hearing_on < registered_on:
            failures.add(
                "hearing_early",
                "The hearing must be on or after the date it was registered",
                "hearing_on",
            )
        failures.raise_any()
        assert registered_on is not None
        appeal = Appeal.objects.create(
            request=request,
            disputed=disputed,
            registered_on=registered_on,
            hearing_on=hearing_on,
            created_by=by,
            created_at=clock.now(),
        )
        payload = {"appeal": appeal.pk, "disputed": disputed}
        record_event(request, "appeal_registered", payload, by=by, on=registered_on)
    return appeal


def _check_decision(
    failures: Failures,
    appeal: Appeal,
    decided_on: dt.date | None,
    outcome: str,
    order_type: str,
    order: str,
) -> None:
    if appeal.outcome:
        failures.add("already_decided", "The appeal's outcome is recorded")
    check_date(
        failures,
        decided_on,
        field="decided_on",
        what="of the tribunal's decision",
        not_before=appeal.registered_on,
        not_before_words="the appeal was registered",
    )
    if outcome not in AppealOutcome.values:
        failures.add("outcome_required", "Choose the outcome", "outcome")
    if outcome == AppealOutcome.ORDER:
        if order_type not in OrderType.values:
            failures.add("order_type_required", "Choose what was ordered", "order_type")
        if not order.strip():
            failures.add("order_required", "Set out the order", "order")


def decide_appeal(
    appeal: Appeal,
    *,
    decided_on: dt.date | None,
    outcome: str,
    order_type: str = "",
    order: str = "",
    by: User,
) -> Appeal:
    """Record the tribunal's decision; an order starts SEN-TRIBUNAL."""
    may_manage(by, appeal.request)
    with transaction.atomic():
        request = locked(appeal.request)
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        failures = Failures()
        _check_decision(failures, appeal, decided_on, outcome, order_type, order)
        failures.raise_any()
        assert decided_on is not None
        ordered = outcome == AppealOutcome.ORDER
        appeal.decided_on, appeal.outcome = decided_on, outcome
        appeal.order_type = order_type if ordered else ""
        appeal.order = order.strip() if ordered else ""
        appeal.save(update_fields=["decided_on", "outcome", "order_type", "order"])
        payload = {"appeal": appeal.pk, "outcome": outcome}
        record_event(request, "appeal_decided", payload, by=by, on=decided_on)
        if ordered:
            made = {"appeal": appeal.pk, "order_type": order_type}
            record_event(request, "tribunal_order_made", made, by=by, on=decided_on)
    return appeal


def comply(appeal: Appeal, *, complied_on: dt.date | None, by: User) -> Appeal:
    """Record that the order was carried out: meets SEN-TRIBUNAL."""
    may_manage(by, appeal.request)
    with transaction.atomic():
        request = locked(appeal.request)
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        failures = Failures()
        if appeal.outcome != AppealOutcome.ORDER:
            failures.add("no_order", "The tribunal made no order on this appeal")
        elif appeal.complied_on is not None:
            failures.add("already_complied", "The order has already been carried out")
        check_date(
            failures,
            complied_on,
            field="complied_on",
            what="the order was carried out",
            not_before=appeal.decided_on,
            not_before_words="the order",
        )
        failures.raise_any()
        assert complied_on is not None
        appeal.complied_on = complied_on
        appeal.save(update_fields=["complied_on"])
        payload = {"appeal": appeal.pk}
        record_event(request, "tribunal_order_complied", payload, by=by, on=complied_on)
    return appeal


def sen2_flags(request: EhcRequest, on: dt.date | None = None) -> dict[str, int]:
    """SEN2's six flags (2.6-2.7, 3.3-3.6): 1 where the decision they name was
    taken to mediation or to the tribunal (by `on`, when given: the SEN2
    return's census day). Reads the request's mediations and appeals as
    loaded, so a prefetched list costs no query."""
    flags = {
        f"{prefix}{kind}": 0
        for prefix in SEN2_FLAG_PREFIX.values()
        for kind in ("Mediation", "Tribunal")
    }
    for mediation in request.mediations.all():
        if on is None or mediation.started_on <= on:
            flags[f"{SEN2_FLAG_PREFIX[Disputed(mediation.disputed)]}Mediation"] = 1
    for appeal in request.appeals.all():
        if on is None or appeal.registered_on <= on:
            flags[f"{SEN2_FLAG_PREFIX[Disputed(appeal.disputed)]}Tribunal"] = 1
    return flags
