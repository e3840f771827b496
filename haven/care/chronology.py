"""Looked-after children's events in the words a social worker reads in a
chronology."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from haven.care.codes import (
    LegalStatusCode,
    PlaceChangeReason,
    PlacementType,
    ReasonCeased,
)


def _words(choices: type, code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return str(code)


def _placed(facts: dict[str, Any]) -> str:
    where = _words(PlacementType, facts.get("place", ""))
    name = facts.get("provider_name")
    return f"{where} ({name})" if name else where


def _started(p: dict[str, Any]) -> str:
    if "before" in p:  # a correction (haven.care.period_corrections)
        return _period_corrected(p["before"].get("started_on"), p.get("started_on"))
    return (
        "Started to be looked after: "
        + _words(LegalStatusCode, p.get("code", ""))
        + ". Placed: "
        + _placed(p.get("placement") or {})
    )


def _moved(p: dict[str, Any]) -> str:
    reason = p.get("reason")
    return (
        "Moved placement: "
        + _placed(p.get("placement") or {})
        + (
            f". Why the last placement ended: {_words(PlaceChangeReason, reason)}"
            if reason
            else ""
        )
    )


CHANGED = {
    "place": "type",
    "provider": "provider",
    "carer": "carer",
    "address": "address",
    "postcode": "postcode",
    "local_authority": "local authority",
    "started_on": "start date",
    "change_reason": "reason it ended",
}


def _corrected(p: dict[str, Any]) -> str:
    before, after = p.get("before") or {}, p.get("after") or {}
    changed = [
        words for key, words in CHANGED.items() if before.get(key) != after.get(key)
    ]
    started = _day(before.get("started_on"))
    return f"Placement record from {started} corrected: " + (
        ", ".join(changed) or "details"
    )


def _day(value: object) -> str:
    """A payload's ISO date as '1 September 2025'."""
    try:
        return f"{dt.date.fromisoformat(str(value)):%-d %B %Y}"
    except ValueError:
        return str(value or "")


def _period_corrected(before: object, after: object) -> str:
    if before == after:
        return "Period of care corrected: category of need"
    return f"Period of care corrected: started on {_day(after)}, not {_day(before)}"


def _ended(p: dict[str, Any]) -> str:
    reason = _words(ReasonCeased, p.get("reason", ""))
    if "before" not in p:
        return "Ceased to be looked after: " + reason
    return (
        f"Period of care corrected: ceased to be looked after on {_day(p.get('on'))}"
        f" ({reason}), not {_day(p['before'].get('on'))}"
    )


def _status_corrected(p: dict[str, Any]) -> str:
    before, after = p.get("before") or {}, p.get("after") or {}
    return (
        f"Legal status from {_day(before.get('started_on'))} corrected: "
        f"{_words(LegalStatusCode, after.get('code', ''))}"
        f" from {_day(after.get('started_on'))}"
    )


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "care.period_of_care_started": _started,
    "care.placement_moved": _moved,
    "care.legal_status_changed": lambda p: (
        "Legal status changed: " + _words(LegalStatusCode, p.get("code", ""))
    ),
    "care.period_of_care_ended": _ended,
    "care.legal_status_corrected": _status_corrected,
    "care.placement_corrected": _corrected,
    "care.carer_approved": lambda p: (
        f"Approved as a foster carer by {p.get('provider_name', '')}"
        + (" (family and friends carer)" if p.get("connected_person") else "")
    ),
}
