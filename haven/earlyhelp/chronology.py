"""Early help journal events in a chronology's words."""

from collections.abc import Callable
from typing import Any

from haven.core.chronology import counted
from haven.earlyhelp.codes import ClosureOutcome, RequestSource


def _label(choices: Any, value: Any) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


_CASE_WORDS = {
    "returned_to_team": "; case returned to {team}",
    "allocation_ended": "; early help's allocation ended",
    "stepped_up_to_team": "; case passed to {team}",
}


def _waited(days: Any) -> str:
    return f"{counted(days, 'day')} waiting" if isinstance(days, int) else "waiting"


DESCRIBERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "earlyhelp.requested": lambda p: (
        "Early help requested ("
        + _label(RequestSource, p.get("source")).lower()
        + ")"
        + (f": waiting for {p['team']}" if p.get("team") else "")
    ),
    "earlyhelp.request_allocated": lambda p: (
        f"Early help allocated to {p.get('worker', '')} after "
        + _waited(p.get("waited_days"))
        + (", alongside social care" if p.get("alongside_social_care") else "")
    ),
    "earlyhelp.lead_recorded": lambda p: (
        f"Early help lead practitioner: {p.get('name', '')}, {p.get('role', '')}"
        f" ({p.get('organisation', '')})"
    ),
    "earlyhelp.assessment_completed": lambda p: "Early help assessment completed",
    "earlyhelp.plan_started": lambda p: (
        "Family plan agreed with " + counted(p.get("actions", 0), "action")
    ),
    "earlyhelp.plan_action_done": lambda p: (
        f"Family plan action done: {p.get('words', '')}"
    ),
    "earlyhelp.plan_reviewed": lambda p: "Family plan reviewed",
    "earlyhelp.episode_closed": lambda p: (
        "Early help ended: "
        + _label(ClosureOutcome, p.get("outcome"))
        + _CASE_WORDS.get(p.get("case", ""), "").format(team=p.get("case_team", ""))
    ),
}
