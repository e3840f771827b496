"""Changing a configurable rule's value: who, why, who approved, from when."""

import datetime as dt
from typing import Any

from django.db import transaction

from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.core.versions import check_history, values_of
from haven.timescales import engine
from haven.timescales import permissions as rules
from haven.timescales.catalogue import rule
from haven.timescales.deadlines import Deadline
from haven.timescales.models import RuleSetting


def _parse(text: str, field: str) -> None:
    try:
        period = Deadline.parse(text)
    except ValueError:
        period = None
    # A local value is a period after the event: a fixed date, nothing or a
    # period before it would put every new duty overdue on the day it arises.
    if period is None or period.unit == "fixed_date" or period.amount <= 0:
        raise DomainError(
            "bad_deadline",
            "Enter a period after the event, like +3 m (months), +6 w (weeks), "
            "+20 d (days) or +15 WD (working days)",
            field=field,
        )


def set_rule_value(
    rule_id: str,
    *,
    deadline: str,
    interval: str = "",
    applies_from: dt.date,
    reason: str,
    approved_by: User,
    by: User,
    seen: int | None = None,
) -> RuleSetting:
    """Record the authority's own value for a configurable rule.

    `seen` is the rule's history as the form read it (`newest_id`): a value
    recorded since is shown, not silently superseded."""
    if not rules.may_change_rules(by):
        raise DomainError("not_permitted", "Only an administrator can change a rule")
    found = rule(rule_id)
    if not found.configurable:
        raise DomainError(
            "not_configurable",
            f"{rule_id} is set by law or statutory guidance and cannot be changed here",
        )
    _parse(deadline.strip(), "deadline")
    if interval.strip() and found.recurrence != "rolling":
        raise DomainError(
            "no_interval", "Only a repeating duty has an interval", field="interval"
        )
    if found.recurrence == "rolling":
        # Blank keeps the interval in force then; each row of the history says
        # the whole value, so no later row silently falls back to the national one.
        interval = interval.strip() or _interval_in_force(rule_id, applies_from)
        _parse(interval, "interval")
    _check_change(applies_from, reason, approved_by, by)
    with transaction.atomic():
        check_history(RuleSetting.objects.filter(rule_id=rule_id), seen, _values)
        setting = RuleSetting.objects.create(
            rule_id=rule_id,
            deadline=deadline.strip(),
            interval=interval.strip(),
            applies_from=applies_from,
            reason=reason.strip(),
            approved_by=approved_by,
            changed_by=by,
            recorded_at=clock.now(),
        )
        # Only an event dated ahead of today can be due under it already.
        engine.recompute_from(rule_id, applies_from)
        return setting


def _check_change(
    applies_from: dt.date, reason: str, approved_by: User, by: User
) -> None:
    if applies_from <= clock.today():
        # Obligations already due keep the value they were due under.
        raise DomainError(
            "applies_from_past",
            "The new value must apply from tomorrow or later",
            field="applies_from",
        )
    if not reason.strip():
        raise DomainError("reason_required", "Give the reason", field="reason")
    if approved_by.pk == by.pk:
        raise DomainError(
            "self_approved",
            "Someone other than you must approve the change",
            field="approved_by",
        )


def _values(setting: RuleSetting) -> dict[str, Any]:
    fields = ("deadline", "interval", "applies_from", "reason", "approved_by")
    return values_of(setting, fields)


def _interval_in_force(rule_id: str, on: dt.date) -> str:
    setting = current_value(rule_id, on)
    if setting is not None and setting.interval:
        return setting.interval
    national = rule(rule_id).interval
    return national.notation if national else ""


def current_value(rule_id: str, on: dt.date | None = None) -> RuleSetting | None:
    on = on or clock.today()
    return (
        RuleSetting.objects.filter(rule_id=rule_id, applies_from__lte=on)
        .order_by("-applies_from", "-recorded_at")
        .first()
    )
