"""Ceasing a plan outside a review (CAFA s45; SENDR reg 29-31): the decision
with the SEN2 reason, the day the family were told, and the day the plan
ends. The plan_ceased event ends SEN-ANNUAL and the plan's other open duties
(plugin.py). Reason 5, transferred to another authority in England, is a
transfer out: the new authority's code is recorded with it."""

import datetime as dt

from django.db import transaction

from haven.core import clock
from haven.core.errors import Failures
from haven.core.models import User
from haven.send.changes.common import check_la, check_live, locked_plan
from haven.send.changes.models import PlanCeasing
from haven.send.codes import CeaseReason
from haven.send.models import EhcPlan
from haven.send.rules import check_date, locked, may_manage, record_event


def _check(
    failures: Failures,
    plan: EhcPlan,
    reason: str,
    dates: tuple[dt.date | None, dt.date | None, dt.date | None],
    transferred_to: str,
) -> str:
    decided_on, notice_on, ceased_on = dates
    check_live(failures, plan, "cease it")
    if reason not in CeaseReason.values:
        failures.add("reason_required", "Choose why the plan ends", "reason")
    check_date(
        failures,
        decided_on,
        field="decided_on",
        what="of the decision",
        not_before=plan.issued_on,
        not_before_words="the plan was issued",
    )
    check_date(
        failures,
        notice_on,
        field="notice_on",
        what="the family were told",
        not_before=decided_on,
        not_before_words="the decision",
    )
    check_date(
        failures,
        ceased_on,
        field="ceased_on",
        what="the plan ceased",
        not_before=notice_on,
        not_before_words="the family were told",
    )
    if reason == CeaseReason.TRANSFERRED:
        return check_la(
            failures, transferred_to, field="transferred_to", what="new authority"
        )
    if transferred_to.strip():
        failures.add(
            "not_transferred",
            "Give the new authority only when the plan transferred to it",
            "transferred_to",
        )
    return ""


def cease(
    plan: EhcPlan,
    *,
    reason: str,
    decided_on: dt.date | None,
    notice_on: dt.date | None,
    ceased_on: dt.date | None,
    transferred_to: str = "",
    details: str = "",
    by: User,
) -> PlanCeasing:
    """Cease the plan: it ends on `ceased_on`, and its duties with it."""
    may_manage(by, plan.request)
    with transaction.atomic():
        request = locked(plan.request)
        plan = locked_plan(plan)
        failures = Failures()
        dates = (decided_on, notice_on, ceased_on)
        la = _check(failures, plan, reason, dates, transferred_to)
        failures.raise_any()
        assert decided_on and notice_on and ceased_on
        ceasing = PlanCeasing.objects.create(
            plan=plan,
            reason=reason,
            decided_on=decided_on,
            notice_on=notice_on,
            ceased_on=ceased_on,
            transferred_to=la,
            details=details.strip(),
            created_by=by,
            created_at=clock.now(),
        )
        plan.ceased_on, plan.cease_reason = ceased_on, reason
        plan.save(update_fields=["ceased_on", "cease_reason"])
        payload = {"plan": plan.pk, "reason": reason, "transferred_to": la}
        record_event(request, "plan_ceased", payload, by=by, on=ceased_on)
    return ceasing
