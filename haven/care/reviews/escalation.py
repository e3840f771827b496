"""The IRO's escalation of a concern about a child's care plan under the
authority's dispute resolution protocol (IRO Handbook 2010, ch.6): raised
informally first, then taken through the formal stages one at a time, each
with the answer the last gave, until it is resolved with its outcome. Each
write checks the user's role and access, names every fault at once, writes
and journals in one transaction.

Journal events:
  care.iro_escalation_raised     {"period", "escalation", "stage", "on"}
  care.iro_escalation_escalated  {"period", "escalation", "stage", "on"}
  care.iro_escalation_resolved   {"period", "escalation", "on"}
"""

import datetime as dt

from django.db import transaction

from haven.care import inputs, recording
from haven.care.models import Escalation, EscalationStep, PeriodOfCare
from haven.care.reviews.recording import in_period, may_review
from haven.core import journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User

STAGES = list(Escalation.Stage)


def _dated(
    day: dt.date | None, after: dt.date | None, what: str, failures: Failures
) -> dt.date | None:
    day = inputs.past_date(day, field="on", what=what, failures=failures)
    if day is not None and after is not None and day < after:
        failures.add(
            "before_last_stage",
            f"The escalation's last step was on {inputs.words(after)}: choose that "
            "day or later",
            field="on",
        )
    return day


def _text(value: str, field: str, message: str, failures: Failures) -> str:
    if not value.strip():
        failures.add(f"{field}_required", message, field=field)
    return value.strip()


def raise_escalation(
    period: PeriodOfCare,
    *,
    on: dt.date | None,
    concern: str,
    raised_with: str,
    by: User,
) -> Escalation:
    """The IRO raises a concern informally, with the social worker or their
    manager: the protocol's first stage."""
    child = period.person
    may_review(by, child)
    failures = Failures()
    on = _dated(on, None, "the concern was raised", failures)
    if on is not None and not in_period(period, on):
        failures.add(
            "outside_care", "Choose a day while the child was looked after", field="on"
        )
    concern = _text(concern, "concern", "Say what the concern is", failures)
    raised_with = _text(
        raised_with, "raised_with", "Say who the concern was raised with", failures
    )
    failures.raise_any()
    assert on is not None
    with transaction.atomic():
        escalation = Escalation.objects.create(
            period=period,
            concern=concern,
            raised_on=on,
            raised_by=by,
            stage=Escalation.Stage.INFORMAL,
        )
        EscalationStep.objects.create(
            escalation=escalation,
            stage=escalation.stage,
            on=on,
            raised_with=raised_with,
        )
        _journal(escalation, "care.iro_escalation_raised", on, by)
    return escalation


def escalate(
    escalation: Escalation,
    *,
    on: dt.date | None,
    response: str,
    raised_with: str,
    by: User,
) -> Escalation:
    """The last stage did not resolve it: record the answer it gave and take
    the concern to the next stage."""
    may_review(by, escalation.period.person)
    failures = Failures()
    response = _text(response, "response", "Say what the last stage answered", failures)
    raised_with = _text(
        raised_with, "raised_with", "Say who the concern is now raised with", failures
    )
    with transaction.atomic():
        escalation, last = _locked_open(escalation)
        on = _dated(on, last.on, "it was escalated", failures)
        at = STAGES.index(Escalation.Stage(escalation.stage))
        if at + 1 >= len(STAGES):
            failures.add(
                "last_stage",
                "This is the protocol's last stage: record its outcome, or refer "
                "the case to Cafcass outside Haven",
            )
        failures.raise_any()
        assert on is not None
        last.response = response
        last.save(update_fields=["response"])
        escalation.stage = STAGES[at + 1]
        escalation.save(update_fields=["stage"])
        EscalationStep.objects.create(
            escalation=escalation,
            stage=escalation.stage,
            on=on,
            raised_with=raised_with,
        )
        _journal(escalation, "care.iro_escalation_escalated", on, by)
    return escalation


def resolve_escalation(
    escalation: Escalation, *, on: dt.date | None, outcome: str, by: User
) -> Escalation:
    """The concern is resolved (or the IRO ends the escalation): its outcome."""
    may_review(by, escalation.period.person)
    failures = Failures()
    outcome = _text(outcome, "outcome", "Say what the outcome was", failures)
    with transaction.atomic():
        escalation, last = _locked_open(escalation)
        on = _dated(on, last.on, "it was resolved", failures)
        failures.raise_any()
        assert on is not None
        escalation.resolved_on, escalation.outcome = on, outcome
        escalation.save(update_fields=["resolved_on", "outcome"])
        _journal(escalation, "care.iro_escalation_resolved", on, by)
    return escalation


def _locked_open(escalation: Escalation) -> tuple[Escalation, EscalationStep]:
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if escalation.resolved_on is not None:
        raise DomainError(
            "resolved",
            f"This escalation was resolved on {inputs.words(escalation.resolved_on)}",
        )
    last = escalation.steps.order_by("-on", "-pk").first()
    assert last is not None
    return escalation, last


def _journal(escalation: Escalation, type: str, on: dt.date, by: User) -> None:
    payload = {"period": escalation.period_id, "escalation": escalation.pk, "on": on}
    if type != "care.iro_escalation_resolved":
        payload["stage"] = escalation.stage
    child = escalation.period.person
    journal.append(child, type, payload, by=by, occurred_at=recording.occurred(on))
