"""Children in need events in the words a social worker reads in a chronology.

"frontdoor.referral_received" is journalled by haven.cin, so its words are here.
"""

from collections.abc import Callable
from typing import Any

from haven.cin.codes import ClosureReason, NeedCode, ReviewDecision
from haven.core.chronology import counted


def _words(choices: type, code: str) -> str:
    try:
        return str(choices(code).label)
    except ValueError:
        return str(code)


def _closed(p: dict[str, Any]) -> str:
    return (
        "Child in need episode closed: "
        + _words(ClosureReason, p.get("reason", ""))
        + ("; stepped down to early help" if p.get("step_down") else "")
        + (
            " (the family's open early help request continues)"
            if p.get("existing_early_help_request")
            else ""
        )
    )


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "frontdoor.referral_received": lambda p: (
        "Referral received: child in need episode opened"
        + (" (a re-referral within 12 months)" if p.get("re_referral") else "")
        # Only events from before the episode's strategy flag was dropped say
        # so (cin migration 0010); a concern journaled by child protection
        # follows the newer ones.
        + (
            "; the front door decided on a strategy discussion"
            if p.get("strategy_discussion")
            else ""
        )
    ),
    "cin.primary_need_set": lambda p: (
        f"Primary need: {_words(NeedCode, p.get('need', ''))}"
    ),
    "cin.child_in_need_plan_started": lambda p: (
        "Child in need plan started with " + counted(p.get("actions", 0), "action")
    ),
    "cin.plan_reviewed": lambda p: (
        "Child in need plan reviewed: "
        + _words(ReviewDecision, p.get("decision", "")).lower()
    ),
    "cin.child_in_need_plan_ended": lambda p: (
        "Child in need plan ended" + (f": {p['reason']}" if p.get("reason") else "")
    ),
    "cin.episode_closed": _closed,
}
