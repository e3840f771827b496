"""Correcting a past (or the current) legal status: its code, and the day it
started. Like a placement's correction (corrections.py), it needs a reason, its
journal event keeps the legal status before and after, and moving the day it
started moves the end of the one before it, so the history stays one chain.
The first legal status starts with the period of care: correct the period to
move both.

Journal events:
  care.legal_status_corrected  {"period", "legal_status", "before": facts,
                                "after": facts, "previous_before",
                                "previous_after", "legal_statuses"}
"""

import datetime as dt
from dataclasses import replace
from typing import Any

from django.db import transaction

from haven.care import inputs, recording
from haven.care.codes import LegalStatusCode
from haven.care.court import implied
from haven.care.history import CareHistory, Status
from haven.care.models import LegalStatus
from haven.care.visits import timeline
from haven.core import journal
from haven.core.errors import DomainError, Failures
from haven.core.models import JournalEvent, User

CORRECTED = "care.legal_status_corrected"
# The events a correction of a legal status can replace. The period's start
# event is not one of them, though it records the first legal status: the
# timescale engine reads it as the start of care, which this does not change.
STATUS_EVENTS = ("care.legal_status_changed", CORRECTED)


def correct_legal_status(
    status: LegalStatus,
    *,
    code: str,
    started_on: dt.date | None,
    why: str,
    by: User,
) -> LegalStatus:
    """Correct a legal status as it should have been recorded, for a reason."""
    child = status.period.person
    failures, started_on = recording.correcting(
        by,
        child,
        why=why,
        what="the legal status",
        started_on=started_on,
        started="the legal status started",
    )
    if code not in LegalStatusCode.values:
        failures.add("legal_status_required", "Choose the legal status", field="code")
    with transaction.atomic():
        period = recording.locked(status.period)
        statuses, placements = recording.rows_of(period)
        index = [s.pk for s in statuses].index(status.pk)
        status, before = statuses[index], facts(statuses[index])
        previous = statuses[index - 1] if index else None
        if _keeps_first_start(status, previous, started_on, failures):
            assert started_on is not None
            history = recording.history_of(period, statuses, placements)
            proposed = _proposed(history, index, code, started_on)
            recording.check_history(proposed, child, failures)
        failures.raise_any()
        assert started_on is not None
        previous_before = facts(previous) if previous else None
        _write(status, previous, code, started_on)
        implied.attach(status, child, by=by)  # a corrected code, its order
        after = facts(status)
        if after == before:
            raise DomainError(
                "nothing_corrected",
                "Nothing was changed: correct what was recorded wrongly",
            )
        journal.append(
            child,
            CORRECTED,
            _payload(period.pk, status, previous, before, after, previous_before),
            by=by,
            reason=why.strip(),
            corrects=_last_event_about(status),
        )
        timeline.sync(child, by=by, reason=why.strip())
    return status


def _keeps_first_start(
    status: LegalStatus,
    previous: LegalStatus | None,
    started_on: dt.date | None,
    failures: Failures,
) -> bool:
    """Whether the history is worth checking: a start was given, and the first
    legal status keeps the period's."""
    if started_on is None:
        return False
    if previous is None and started_on != status.started_on:
        failures.add(
            "first_legal_status_start",
            "The first legal status starts the day the period of care started "
            f"({inputs.words(status.started_on)}): keep that date, or correct "
            "the period of care",
            field="started_on",
        )
        return False
    return True


def facts(status: LegalStatus) -> dict[str, Any]:
    return {
        "id": status.pk,
        "code": status.code,
        "started_on": status.started_on,
        "ended_on": status.ended_on,
    }


def _proposed(
    history: CareHistory, index: int, code: str, started_on: dt.date
) -> CareHistory:
    statuses = list(history.statuses)
    old = statuses[index]
    statuses[index] = Status(code, started_on, old.end, pk=old.pk)
    if index:
        statuses[index - 1] = replace(statuses[index - 1], end=started_on)
    return replace(history, statuses=tuple(statuses))


def _write(
    status: LegalStatus, previous: LegalStatus | None, code: str, started_on: dt.date
) -> None:
    """Shrink before growing, as a placement's correction does: PostgreSQL
    checks that no two legal statuses overlap after each statement."""
    later = started_on > status.started_on
    status.code, status.started_on = code, started_on
    if later:
        status.save(update_fields=["code", "started_on"])
    if previous is not None and previous.ended_on != started_on:
        previous.ended_on = started_on
        previous.save(update_fields=["ended_on"])
    if not later:
        status.save(update_fields=["code", "started_on"])


def _payload(
    period: int,
    status: LegalStatus,
    previous: LegalStatus | None,
    before: dict[str, Any],
    after: dict[str, Any],
    previous_before: dict[str, Any] | None,
) -> dict[str, Any]:
    previous_after = facts(previous) if previous is not None else None
    moved = previous is not None and previous_before != previous_after
    return {
        "period": period,
        "legal_status": status.pk,
        "before": before,
        "after": after,
        "previous_before": previous_before if moved else None,
        "previous_after": previous_after if moved else None,
        "legal_statuses": [status.pk] + ([previous.pk] if previous and moved else []),
    }


def _last_event_about(status: LegalStatus) -> JournalEvent | None:
    """The latest change or correction that recorded this legal status."""
    events = JournalEvent.objects.filter(
        person_id=status.period.person_id, type__in=STATUS_EVENTS
    ).order_by("-sequence")
    for event in events.only("pk", "type", "payload"):
        p = event.payload
        named = p.get("legal_statuses") or [p.get("legal_status")]
        if status.pk in named:
            return event
    return None
