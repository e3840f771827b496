"""SEND journal events in a chronology's words."""

from collections.abc import Callable
from typing import Any

from haven.send.codes import AdviceKind, CeaseReason, RequestSource, ReviewOutcome


def _label(choices: Any, value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "send.assessment_requested": lambda p: (
        "EHC needs assessment requested by "
        + _label(RequestSource, p.get("source")).lower()
    ),
    "send.decided_to_assess": lambda p: "Decided to carry out an EHC needs assessment",
    "send.decided_not_to_assess": lambda p: (
        "Decided not to carry out an EHC needs assessment"
    ),
    "send.advice_requested": lambda p: (
        _label(AdviceKind, p.get("kind"))
        + " asked for"
        + (f" from {p['asked_of']}" if p.get("asked_of") else "")
    ),
    "send.advice_received": lambda p: _label(AdviceKind, p.get("kind")) + " given",
    "send.decided_to_issue": lambda p: "Decided to issue an EHC plan",
    "send.decided_not_to_issue": lambda p: "Decided not to issue an EHC plan",
    "send.draft_plan_served": lambda p: "Draft EHC plan sent to the family",
    "send.plan_finalised": lambda p: "EHC plan issued",
    "send.annual_review_meeting_held": lambda p: "EHC plan annual review meeting held",
    "send.annual_review_decided": lambda p: (
        "Decided after the annual review: "
        + _label(ReviewOutcome, p.get("decision")).lower()
    ),
    "send.plan_ceased": lambda p: (
        "EHC plan ceased: " + _label(CeaseReason, p.get("reason")).lower()
    ),
}
