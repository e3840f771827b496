"""Court events in the words a social worker reads in a chronology."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from haven.care.court import implied, proceedings
from haven.care.court.kinds import OrderKind, Outcome, ProceedingsKind


def _day(value: object) -> str:
    try:
        return f"{dt.date.fromisoformat(str(value)):%-d %B %Y}"
    except ValueError:
        return str(value or "")


def _label(choices: Any, value: object) -> str:
    try:
        return str(choices(str(value)).label)
    except ValueError:
        return str(value or "")


def _issued(p: dict[str, Any]) -> str:
    kind = _label(ProceedingsKind, p.get("kind"))
    return f"Application issued at {p.get('court')}: {kind}"


def _made(p: dict[str, Any]) -> str:
    kind = _label(OrderKind, p.get("kind"))
    court = f" by {p['court']}" if p.get("court") else ""
    return f"{kind} made{court}" + (
        " (recorded from the legal status)" * bool(p.get("implied"))
    )


def _ended(p: dict[str, Any]) -> str:
    return f"{_label(OrderKind, p.get('kind'))} ended ({p.get('why')})"


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    proceedings.CARE_ISSUED: _issued,
    proceedings.ISSUED: _issued,
    proceedings.EXTENDED: lambda p: (
        f"The court extended the proceedings by {p.get('weeks')} weeks: "
        f"{p.get('reason')}"
    ),
    proceedings.DISPOSED: lambda p: (
        f"Proceedings decided: {_label(Outcome, p.get('outcome')).lower()}"
    ),
    **dict.fromkeys(implied.ORDER_EVENTS, _made),
    implied.ENDED: _ended,
}
