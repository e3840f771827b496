"""Case recording's events in the words a social worker reads in a chronology."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from haven.casework import visits
from haven.casework.codes import NoteKind
from haven.casework.seeing import words


def _note(p: dict[str, Any]) -> str:
    kind = NoteKind(p["kind"]).label if p.get("kind") in NoteKind.values else "Note"
    if details := visits.words(p):
        kind += f" ({details})"
    # The event is one child's: their own answers, not their siblings'.
    seen = f" ({words(p)})"
    others = len(p.get("children", [])) - 1
    together = f", with {others} other child{'ren' if others > 1 else ''}"
    return f"{kind}: {p.get('subject', '')}{seen}" + (together if others > 0 else "")


def _supervision(p: dict[str, Any]) -> str:
    actions = len(p.get("actions", []))
    said = f"Case supervision by {p.get('manager', '')}"
    if p.get("supervisee"):
        said += f" of {p['supervisee']}"
    if actions:
        said += f", {actions} action{'s' if actions > 1 else ''} set"
    return said


def _planned(p: dict[str, Any]) -> str:
    said = (
        f"Visit planned for {_day(p.get('planned_for'))} by {p.get('visitor_name', '')}"
    )
    return said + (f": {p['purpose']}" if p.get("purpose") else "")


def _day(value: object) -> str:
    try:
        return f"{dt.date.fromisoformat(str(value)):%-d %B %Y}"
    except ValueError:
        return str(value)


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "casework.note_recorded": _note,
    "casework.supervision_recorded": _supervision,
    "casework.visit_planned": _planned,
    "casework.planned_visit_cancelled": lambda p: (
        f"Planned visit of {_day(p.get('planned_for'))} cancelled: "
        f"{p.get('reason', '')}"
    ),
    "casework.supervision_action_completed": lambda p: (
        f"Supervision action done: {p.get('description', '')}"
    ),
}
