"""The plans' events in the words a social worker reads in a chronology."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from haven.care.models import CarePlan
from haven.care.plans import recording


def _day(value: object) -> str:
    try:
        return f"{dt.date.fromisoformat(str(value)):%-d %B %Y}"
    except ValueError:
        return str(value or "")


def _option(value: object) -> str:
    try:
        return str(CarePlan.Permanence(str(value)).label)
    except ValueError:
        return str(value or "")


def _care_plan(p: dict[str, Any]) -> str:
    version = p.get("version")
    what = "Care plan agreed" if version == 1 else f"Care plan version {version} agreed"
    return f"{what}, on {_day(p.get('agreed_on'))}"


def _permanence(p: dict[str, Any]) -> str:
    words = f"Plan for permanence: {_option(p.get('option')).lower()}"
    if p.get("before"):
        words += f" (was {_option(p.get('before')).lower()})"
    return words


def _placement_plan(p: dict[str, Any]) -> str:
    version = p.get("version")
    what = (
        "Placement plan agreed with the carer"
        if version == 1
        else f"Placement plan version {version} agreed with the carer"
    )
    return f"{what}, on {_day(p.get('agreed_on'))}"


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    recording.AGREED: _care_plan,
    recording.PERMANENCE: _permanence,
    recording.PLACEMENT_AGREED: _placement_plan,
}
