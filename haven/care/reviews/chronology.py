"""Review events in the words a social worker reads in a chronology."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from haven.care.models import Escalation
from haven.care.reviews.codes import Participation


def _day(value: object) -> str:
    try:
        return f"{dt.date.fromisoformat(str(value)):%-d %B %Y}"
    except ValueError:
        return str(value or "")


def _review(p: dict[str, Any]) -> str:
    words = f"Looked-after review {p.get('number') or ''} held".replace("  ", " ")
    try:
        taking_part = str(Participation(str(p.get("participation"))).label)
    except ValueError:
        taking_part = ""
    made = len(p.get("recommendations") or [])
    recommended = f"; {made} recommendation{'s' if made != 1 else ''}" if made else ""
    return f"{words}{': ' + taking_part if taking_part else ''}{recommended}"


def _stage(p: dict[str, Any]) -> str:
    try:
        return str(Escalation.Stage(str(p.get("stage"))).label)
    except ValueError:
        return ""


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "care.review_held": _review,
    "care.iro_visited_child": lambda p: "The IRO visited the child",
    "care.iro_midway_check_made": lambda p: (
        "The IRO checked the care plan's progress between reviews"
    ),
    "care.early_review_required": lambda p: (
        "An early review was asked for: " + str(p.get("reason") or "")
    ),
    "care.review_recommendation_done": lambda p: (
        "An IRO's recommendation was done, on " + _day(p.get("done_on"))
    ),
    "care.review_decisions_circulated": lambda p: (
        "The review's decisions were sent out, on " + _day(p.get("on"))
    ),
    "care.iro_escalation_raised": lambda p: "The IRO raised a concern (escalation)",
    "care.iro_escalation_escalated": lambda p: (
        "The IRO's escalation moved on: " + _stage(p)
    ),
    "care.iro_escalation_resolved": lambda p: "The IRO's escalation was resolved",
}
# The events that say which review it was repeat care.review_held.
HIDDEN = ("care.first_review_held", "care.second_review_held")
