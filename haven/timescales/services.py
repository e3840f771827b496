"""Changing a configurable rule's value: who, why, who approved, from when."""

import datetime as dt

from django.db import transaction

from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.timescales.catalogue import rule
from haven.timescales.deadlines import Deadline
from haven.timescales.models import RuleSetting


def _parse(text: str, field: str) -> None:
    try:
        Deadline.parse(text)
    except ValueError:
        raise DomainError(
            "bad_deadline",
            "Enter the period like +3 m (months), +6 w (weeks), +20 d (days) or "
            "+15 WD (working days)",
            field=field,
        ) from None


def set_rule_value(
    rule_id: str,
    *,
    deadline: str,
    interval: str = "",
    applies_from: dt.date,
    reason: str,
    approved_by: User,
    by: User,
) -> RuleSetting:
    """Record the authority's own value for a configurable rule."""
    if not by.has_perm("core.manage_reference_data"):
        raise DomainError("not_permitted", "Only an administrator can change a rule")
    found = rule(rule_id)
    if not found.configurable:
        raise DomainError(
            "not_configurable",
            f"{rule_id} is set by law or statutory guidance and cannot be changed here",
        )
    _parse(deadline.strip(), "deadline")
    if interval.strip():
        if found.recurrence != "rolling":
            raise DomainError(
                "no_interval", "Only a repeating duty has an interval", field="interval"
            )
        _parse(interval.strip(), "interval")
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
    with transaction.atomic():
        return RuleSetting.objects.create(
            rule_id=rule_id,
            deadline=deadline.strip(),
            interval=interval.strip(),
            applies_from=applies_from,
            reason=reason.strip(),
            approved_by=approved_by,
            changed_by=by,
            recorded_at=clock.now(),
        )


def current_value(rule_id: str, on: dt.date | None = None) -> RuleSetting | None:
    on = on or clock.today()
    return (
        RuleSetting.objects.filter(rule_id=rule_id, applies_from__lte=on)
        .order_by("-applies_from", "-recorded_at")
        .first()
    )
