"""Journal events in the words a social worker reads in a chronology."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from haven.core.models import JournalEvent

# Recorded more than a week after it happened: the reader should know the entry
# was written later, as inspection guidance on chronologies asks.
BACKDATED_AFTER = dt.timedelta(days=7)

DESCRIBERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "people.person_registered": lambda p: "Added to the person register",
    "people.details_changed": lambda p: (
        "Details changed: "
        + "; ".join(
            f"{k.replace('_', ' ')} from {p['before'][k] or 'blank'} to "
            f"{p['after'].get(k) or 'blank'}"
            for k in p.get("before", {})
        )
    ),
    "people.name_added": lambda p: f"Known as {p.get('known_as', '')}",
    "people.address_recorded": lambda p: f"Moved to {p.get('address', '')}",
    "people.relationship_recorded": lambda p: p.get("words", "Relationship recorded"),
    "people.warning_added": lambda p: f"Warning added: {p.get('detail', '')}",
    "people.merged_into": lambda p: f"Merged into the record of {p.get('name', '')}",
    "people.record_merged_in": lambda p: f"Record of {p.get('name', '')} merged in",
    "people.unmerged": lambda p: "Separated again from the record it was merged into",
    "people.record_unmerged": lambda p: "A merged record was separated again",
    "core.case_allocated": lambda p: (
        "Allocated to "
        + (f"{p['worker']}, " if p.get("worker") else "")
        + str(p.get("team", ""))
    ),
    "core.allocation_ended": lambda p: (
        f"No longer held by {p.get('team', '')}: {p.get('reason', '')}"
    ),
    "core.record_restricted": lambda p: (
        f"Record {p.get('kind', '')}: {p.get('reason', '')}"
    ),
    "core.access_granted": lambda p: f"Access granted to {p.get('user', '')}",
    "core.break_glass_used": lambda p: (
        f"Opened without a relationship: {p.get('reason', '')}"
    ),
}


def describe(event: JournalEvent) -> str:
    describer = DESCRIBERS.get(event.type)
    if describer is None:
        return event.type.split(".")[-1].replace("_", " ").capitalize()
    return describer(event.payload)


def is_backdated(event: JournalEvent) -> bool:
    return event.recorded_at - event.occurred_at > BACKDATED_AFTER


def category(event_type: str) -> str:
    return event_type.split(".")[0]
