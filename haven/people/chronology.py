"""The person register's events in the words a social worker reads in a
chronology, and the events that name another person. Its plugin.py declares them."""

from collections.abc import Callable
from typing import Any


def _agreed(payload: dict[str, Any]) -> str:
    """A merge another team agreed to names who asked and who agreed."""
    if not payload.get("agreed_by"):
        return ""
    asked = payload.get("requested_by", "")
    return f", asked for by {asked} and agreed by {payload['agreed_by']}"


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
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
    "people.merged_into": lambda p: (
        f"Merged into the record of {p.get('name', '')}{_agreed(p)}"
    ),
    "people.record_merged_in": lambda p: (
        f"Record of {p.get('name', '')} merged in{_agreed(p)}"
    ),
    "people.unmerged": lambda p: "Separated again from the record it was merged into",
    "people.record_unmerged": lambda p: "A merged record was separated again",
    "people.household_member_joined": lambda p: (
        f"Household: {p.get('name', '')} lives here"
    ),
    "people.household_member_left": lambda p: (
        f"Household: {p.get('name', '')} no longer lives here"
    ),
    "people.allegation_recorded": lambda p: p.get("words", "Allegation recorded"),
    "people.household_joined": lambda p: f"Joined the household of {p.get('name')}",
    "people.household_left": lambda p: f"Left the household of {p.get('name')}",
}

# The payload key naming another person, and the words shown instead to a
# reader who may not see that person named (a restricted or sealed record).
NAMES_PERSON: dict[str, tuple[str, str]] = {
    "people.relationship_recorded": (
        "other",
        "Relationship recorded with a relative whose record you cannot open",
    ),
    "people.merged_into": ("into", "Merged into a record you cannot open"),
    "people.record_merged_in": ("duplicate", "A record you cannot open was merged in"),
    "people.allegation_recorded": (
        "other",
        "An allegation of harm recorded with a person you cannot open",
    ),
    "people.household_member_joined": (
        "member",
        "Household: a person you cannot open lives here",
    ),
    "people.household_member_left": (
        "member",
        "Household: a person you cannot open no longer lives here",
    ),
    "people.household_joined": (
        "of",
        "Joined the household of a person you cannot open",
    ),
    "people.household_left": ("of", "Left the household of a person you cannot open"),
}
