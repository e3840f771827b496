"""Child protection events in the words a social worker reads in a chronology."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from haven.protection.codes import (
    Category,
    ConferenceDecision,
    ConferenceKind,
    EnquiryOutcome,
    ImmediateProtection,
    PlanEndReason,
    StrategyDecision,
)


def _words(choices: type, code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return str(code)


def _day(text: str | None) -> str:
    try:
        return f"{dt.date.fromisoformat(str(text)):%-d %B %Y}"
    except ValueError:
        return str(text)


def _discussion(p: dict[str, Any]) -> str:
    decision = _words(StrategyDecision, p.get("decision", ""))
    if p.get("immediate_protection"):
        decision += ": " + _words(ImmediateProtection, p["immediate_protection"])
    agencies = ", ".join(p.get("agencies") or [])
    return f"Strategy discussion ({agencies}). Decision: {decision}"


def _initial(p: dict[str, Any]) -> str:
    kind = _words(ConferenceKind, p.get("kind", "initial"))
    decision = _words(ConferenceDecision, p.get("decision", ""))
    return f"{kind} held. {decision}"


def _review(p: dict[str, Any]) -> str:
    decision = _words(ConferenceDecision, p.get("decision", ""))
    return f"Review child protection conference held. {decision}"


def _plan_started(p: dict[str, Any]) -> str:
    category = _words(Category, p.get("category", "")).lower()
    return f"Child protection plan started. Category of abuse: {category}"


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "protection.significant_harm_suspected": lambda p: (
        "Significant harm suspected: a strategy discussion is needed. "
        + p.get("concern", "")
    ),
    "protection.strategy_discussion_held": _discussion,
    "protection.section_47_enquiry_started": lambda p: (
        "Section 47 enquiry started on " + _day(p.get("started_on"))
    ),
    "protection.initial_conference_recommended": lambda p: (
        "Section 47 enquiry completed: "
        + _words(EnquiryOutcome, p.get("outcome", "")).lower()
    ),
    "protection.section_47_enquiry_completed": lambda p: (
        "Section 47 enquiry completed: "
        + _words(EnquiryOutcome, p.get("outcome", "")).lower()
    ),
    "protection.initial_conference_held": _initial,
    "protection.child_protection_plan_started": _plan_started,
    "protection.core_group_held": lambda p: "Core group meeting held",
    "protection.plan_concerns_set": lambda p: (
        "Child protection plan's concerns "
        + ("written" if not p.get("changed") and not p.get("removed") else "changed")
    ),
    "protection.review_conference_held": _review,
    "protection.child_protection_plan_ended": lambda p: (
        "Child protection plan ended: "
        + _words(PlanEndReason, p.get("reason", "")).lower()
    ),
    "protection.conference_arranged": lambda p: (
        _words(ConferenceKind, p.get("kind", ""))
        + " arranged for "
        + _day(p.get("planned_on"))
    ),
    "protection.pre_birth_plan_child_born": lambda p: (
        "Born on " + _day(p.get("born_on")) + ", on a pre-birth child protection plan"
    ),
    "protection.conference_record_changed": lambda p: (
        "Child protection conference record changed before sign-off"
    ),
    "protection.conference_amended": lambda p: (
        "Child protection conference record amended after sign-off"
    ),
    "protection.conference_signed_off": lambda p: (
        "Child protection conference record signed off by the chair"
    ),
    "protection.conference_invitations_sent": lambda p: (
        "Invitations sent to the "
        + _words(ConferenceKind, p.get("kind", "")).lower()
        + " on "
        + _day(p.get("planned_on"))
    ),
    "protection.conference_record_circulated": lambda p: (
        "Signed conference record sent to those invited"
    ),
}
