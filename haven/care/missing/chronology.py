"""Missing-from-care events in the words a social worker reads in a
chronology."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from haven.care.missing import protocol


def _day(value: object) -> str:
    try:
        return f"{dt.date.fromisoformat(str(value)[:10]):%-d %B %Y}"
    except ValueError:
        return str(value or "")


def _police(p: dict[str, Any]) -> str:
    if not p.get("reported_to_police"):
        return "not reported to the police"
    reference = p.get("police_reference")
    return (
        f"reported to the police (reference {reference})"
        if reference
        else "reported to the police"
    )


def _went(p: dict[str, Any]) -> str:
    what = (
        "Away from placement without authorisation"
        if p.get("kind") == "A"
        else "Went missing"
    )
    return f"{what}: {_police(p)}"


def _returned(p: dict[str, Any]) -> str:
    try:
        span = dt.datetime.fromisoformat(
            str(p.get("returned_at"))
        ) - dt.datetime.fromisoformat(str(p.get("started_at")))
    except ValueError:
        return "Returned after being missing"
    return f"Returned after being missing for {protocol.duration_words(span)}"


def _interview(p: dict[str, Any]) -> str:
    words = f"Return home interview offered on {_day(p.get('offered_on'))}"
    if p.get("held_on"):
        words += f", held on {_day(p.get('held_on'))}"
    elif p.get("declined"):
        words += ", declined by the child"
    who = p.get("interviewed_by")
    return f"{words} ({who})" if who else words


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "care.child_went_missing": _went,
    "care.child_returned_from_missing": _returned,
    "care.missing_police_report_recorded": lambda p: (
        "Police report on a missing episode: " + _police(p)
    ),
    "care.repeat_missing_episodes_recorded": lambda p: (
        f"Strategy meeting needed: the child {p.get('why', '')}"
    ),
    "care.return_interview_recorded": _interview,
    "care.missing_strategy_meeting_held": lambda p: (
        f"Strategy meeting held about going missing, on {_day(p.get('held_on'))}"
    ),
}
