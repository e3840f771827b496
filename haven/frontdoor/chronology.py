"""Front door events in the words a social worker reads in a chronology.

"frontdoor.referral_received" is journalled (and described) by haven.cin.
"""

from collections.abc import Callable
from typing import Any

from haven.frontdoor.codes import (
    LEGACY_CONSENT,
    AdultRole,
    ConsentStatus,
    ContactMethod,
    Decision,
    ReferralSource,
    Urgency,
)


def _label(choices: Any, code: Any) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return str(code or "")


def _received(p: dict[str, Any]) -> str:
    words = f"Contact received from {_label(ReferralSource, p.get('source')).lower()}"
    consent = LEGACY_CONSENT.get(p.get("consent") or "", p.get("consent"))
    if consent and consent != ConsentStatus.GIVEN:
        words += f" ({_label(ConsentStatus, consent).lower()})"
    return words


def _decided(p: dict[str, Any]) -> str:
    words = f"Contact decision: {_label(Decision, p.get('decision'))}"
    if p.get("specialist_service"):
        words += f" by {p['specialist_service']}"
    grading = [p.get("threshold") or "", _label(Urgency, p.get("urgency"))]
    if any(grading):
        words += f" ({', '.join(part for part in grading if part)})"
    if p.get("passed_to_open_episode"):
        words += " (passed to the open child in need episode)"
    elif p.get("passed_to_open_request"):
        words += " (passed to the open early help request)"
    return f"{words}. {p['reasoning']}" if p.get("reasoning") else words


def _acknowledged(p: dict[str, Any]) -> str:
    if p.get("not_possible"):
        return f"Referrer not acknowledged: {p['not_possible']}"
    return f"Referrer acknowledged ({_label(ContactMethod, p.get('how')).lower()})"


def _feedback(p: dict[str, Any]) -> str:
    how = _label(ContactMethod, p.get("how")).lower()
    return f"Referrer told the decision ({how})"


def _check_requested(p: dict[str, Any]) -> str:
    return f"Multi-agency check requested: {p.get('agency', '')}"


def _check_returned(p: dict[str, Any]) -> str:
    return f"Multi-agency check returned: {p.get('agency', '')}"


def _named(p: dict[str, Any]) -> str:
    return f"Named on a contact: {_label(AdultRole, p.get('role')).lower()}"


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "frontdoor.contact_received": _received,
    "frontdoor.contact_decided": _decided,
    "frontdoor.referrer_acknowledged": _acknowledged,
    "frontdoor.referrer_feedback": _feedback,
    "frontdoor.check_requested": _check_requested,
    "frontdoor.check_returned": _check_returned,
    "frontdoor.named_on_contact": _named,
}
