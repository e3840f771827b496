"""Statutory visit events in the words a social worker reads in a chronology.
(The visit itself is the casework note; the events the timescale engine reads
about placements and visits are hidden: see timeline.py.)"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from haven.care.models import VisitRequest


def _day(value: object) -> str:
    try:
        return f"{dt.date.fromisoformat(str(value)):%-d %B %Y}"
    except ValueError:
        return str(value or "")


def _asked(p: dict[str, Any]) -> str:
    try:
        who = str(VisitRequest.AskedBy(str(p.get("asked_by"))).label)
    except ValueError:
        who = ""
    return f"Visit asked for: {who.lower()}" if who else "Visit asked for"


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "care.fewer_visits_agreed": lambda p: (
        "Agreed to fewer statutory visits (every six months at most), on "
        + _day(p.get("agreed_on"))
    ),
    "care.visit_requested": _asked,
}
