"""The plan for adoption: the agency decision maker's decision that the child
should be placed for adoption (SSDA903 DATE_PLACED, AD1 DATE_INT), the plan
ceasing with its reason (DATE_PLACED_CEASED, REASON_PLACED_CEASED), and a
returning child's previous permanence (PREV_PERM, LA_PERM, DATE_PERM). None of
these names the adopters, so the child's social worker may record them.

Journal events:
  care.adoption_decided          {"period", "decision", "decided_on"}
  care.adoption_plan_ceased      {"period", "decision", "ceased_on", "reason"}
  care.previous_permanence_recorded {"period", "code", "made_on"}
"""

import datetime as dt

from django.db import transaction

from haven.care import inputs, recording
from haven.care.adoption.codes import PlanCeased, PreviousPermanence
from haven.care.adoption.permissions import may_plan_adoption
from haven.care.models import AdoptionDecision, PeriodOfCare, PermanenceBefore
from haven.core import access, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User

DECIDED = "care.adoption_decided"
CEASED = "care.adoption_plan_ceased"
PERMANENCE = "care.previous_permanence_recorded"


def may_plan(by: User, period: PeriodOfCare) -> None:
    if not may_plan_adoption(by):
        raise DomainError(
            "not_permitted", "Your role does not include recording adoption"
        )
    access.require_lasting_access(by, period.person)


def live_decision(period: PeriodOfCare) -> AdoptionDecision | None:
    """The period's plan for adoption that has not ceased, if any."""
    return AdoptionDecision.objects.filter(period=period, ceased_on=None).first()


def decide_adoption(
    period: PeriodOfCare, *, decided_on: dt.date | None, decision_maker: str, by: User
) -> AdoptionDecision:
    """The agency decision maker decided on `decided_on` that the child should
    be placed for adoption (AAR 2005 reg 19)."""
    may_plan(by, period)
    failures = Failures()
    maker = decision_maker.strip()
    if not maker:
        failures.add(
            "decision_maker_required",
            "Enter the agency decision maker's name",
            "decision_maker",
        )
    decided_on = inputs.past_date(
        decided_on, field="decided_on", what="of the decision", failures=failures
    )
    with transaction.atomic():
        period = recording.locked_open(period)
        if live_decision(period) is not None:
            failures.add(
                "already_decided",
                "A decision that the child should be placed for adoption is already "
                "recorded in this period of care: record that plan ending first",
            )
        if decided_on is not None and decided_on < period.started_on:
            failures.add(
                "decided_before_care",
                f"The decision must be on or after the day care started "
                f"({inputs.words(period.started_on)})",
                "decided_on",
            )
        failures.raise_any()
        assert decided_on is not None
        decision = AdoptionDecision.objects.create(
            person=period.person,
            period=period,
            decided_on=decided_on,
            decision_maker=maker,
            recorded_by=by,
        )
        journal.append(
            period.person,
            DECIDED,
            {"period": period.pk, "decision": decision.pk, "decided_on": decided_on},
            by=by,
            occurred_at=recording.occurred(decided_on),
            significant=True,
        )
    return decision


def cease_adoption_plan(
    period: PeriodOfCare, *, ceased_on: dt.date | None, reason: str, by: User
) -> AdoptionDecision:
    """The child should no longer be placed for adoption, from `ceased_on`."""
    may_plan(by, period)
    failures = Failures()
    if reason not in PlanCeased.values:
        failures.add(
            "reason_required", "Choose why the plan for adoption ended", "reason"
        )
    ceased_on = inputs.past_date(
        ceased_on, field="ceased_on", what="the plan ended", failures=failures
    )
    with transaction.atomic():
        period = recording.locked_open(period)
        decision = live_decision(period)
        if decision is None:
            raise DomainError(
                "no_plan", "There is no plan for adoption in this period of care"
            )
        if ceased_on is not None and ceased_on < decision.decided_on:
            failures.add(
                "ceased_before_decision",
                f"The plan cannot end before it was decided "
                f"({inputs.words(decision.decided_on)})",
                "ceased_on",
            )
        failures.raise_any()
        assert ceased_on is not None
        decision.ceased_on, decision.ceased_reason = ceased_on, reason
        decision.save(update_fields=["ceased_on", "ceased_reason"])
        journal.append(
            period.person,
            CEASED,
            {
                "period": period.pk,
                "decision": decision.pk,
                "ceased_on": ceased_on,
                "reason": reason,
            },
            by=by,
            occurred_at=recording.occurred(ceased_on),
        )
    return decision


def record_previous_permanence(
    period: PeriodOfCare,
    *,
    code: str,
    authority: str = "",
    made_on: dt.date | None = None,
    by: User,
) -> PermanenceBefore:
    """What permanence order the child had before this period of care."""
    may_plan(by, period)
    failures = Failures()
    if code not in PreviousPermanence.values:
        failures.add(
            "code_required", "Choose the permanence the child had before", "code"
        )
    known = code and code != PreviousPermanence.Z1
    if known and made_on is None:
        failures.add("date_required", "Enter the date of the order", "made_on")
    if made_on is not None and made_on >= period.started_on:
        failures.add(
            "order_after_care",
            "The order must be before this period of care started",
            "made_on",
        )
    with transaction.atomic():
        period = recording.locked(period)
        if PermanenceBefore.objects.filter(period=period).exists():
            failures.add(
                "already_recorded",
                "Previous permanence is already recorded for this period of care",
            )
        failures.raise_any()
        record = PermanenceBefore.objects.create(
            person=period.person,
            period=period,
            code=code,
            authority=authority.strip().upper(),
            made_on=made_on,
            recorded_by=by,
        )
        journal.append(
            period.person,
            PERMANENCE,
            {"period": period.pk, "code": code, "made_on": made_on},
            by=by,
        )
    return record
