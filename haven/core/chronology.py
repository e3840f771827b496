"""Journal events in the words a social worker reads in a chronology."""

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from haven.core import access, clock
from haven.core.caseroles import CaseRole
from haven.core.models import JournalEvent, User

# Recorded more than a week after it happened: the reader should know the entry
# was written later, as inspection guidance on chronologies asks.
BACKDATED_AFTER = dt.timedelta(days=7)

# Event types that are not part of the child's story: a worker's saves of an
# unfinished draft. They stay in the journal (history is never edited) but the
# chronology, its print and its CSV leave them out. Apps add theirs with
# `hide_events` in their plugin.py.
HIDDEN: set[str] = set()

# Event types about who may read the record, not about the child: they belong on
# the record's access page, not in a chronology a court or the family reads.
# The journal keeps them like every other event. Apps (the core, for one) add
# theirs with `audit_events` in their plugin.py.
AUDIT: set[str] = set()


def left_out() -> set[str]:
    """The event types no chronology, print, CSV or API shows."""
    return HIDDEN | AUDIT


def impact(event: JournalEvent) -> str:
    """What the worker recorded the event meant for the child, if anything."""
    return str(event.payload.get("impact") or "")


def _as_role(payload: dict[str, Any]) -> str:
    """ "Independent reviewing officer: " before an allocation in a role other
    than the social worker's (events before roles existed were all theirs)."""
    role = payload.get("role") or CaseRole.SOCIAL_WORKER
    return "" if role == CaseRole.SOCIAL_WORKER else f"{CaseRole(role).label}: "


Describer = Callable[[dict[str, Any]], str]

# Each event type's words, from the app that records it (`describe_events`).
DESCRIBERS: dict[str, Describer] = {}

# The core's own events, which the core's plugin.py declares like any app's.
CORE_WORDS: dict[str, Describer] = {
    "core.case_allocated": lambda p: (
        _as_role(p)
        + "Allocated to "
        + (f"{p['worker']}, " if p.get("worker") else "")
        + str(p.get("team", ""))
    ),
    "core.allocation_ended": lambda p: (
        _as_role(p) + f"No longer held by {p.get('team', '')}: {p.get('reason', '')}"
    ),
    "core.record_restricted": lambda p: (
        f"Record {p.get('kind', '')}: {p.get('reason', '')}"
    ),
    "core.access_granted": lambda p: (
        f"Access granted to {p.get('user', '')}"
        + (f": {p['reason']}" if p.get("reason") else "")
    ),
    "core.break_glass_used": lambda p: (
        f"Opened without a relationship: {p.get('reason', '')}"
    ),
}


# The payload key naming another person, by event type, and the words used
# instead for a reader who may not see that person named (a restricted or
# sealed record they may not open). Apps add theirs with `name_person`.
NAMES_PERSON: dict[str, tuple[str, str]] = {}


def _once(registry: Collection[str], event_type: str, what: str) -> None:
    # One app declares each event type's words: a second declaration would win
    # or lose by the order the apps are found in, so it is refused instead.
    if event_type in registry:
        raise ImproperlyConfigured(f"{what} for {event_type} are declared twice")


def describe_events(words: Mapping[str, Describer]) -> None:
    """Declare an app's words for its event types (in the app's plugin.py)."""
    for event_type in words:
        _once(DESCRIBERS, event_type, "Chronology words")
    DESCRIBERS.update(words)


def hide_events(*event_types: str) -> None:
    """Declare event types no chronology shows (a worker's saves of a draft)."""
    HIDDEN.update(event_types)


def audit_events(*event_types: str) -> None:
    """Declare event types about who may read the record, shown on its access
    page rather than in the chronology."""
    AUDIT.update(event_types)


def name_person(event_type: str, key: str, instead: str) -> None:
    """Declare that `key` in the event's payload names another person, and the
    words shown instead to a reader who may not see them named."""
    _once(NAMES_PERSON, event_type, "The person named")
    NAMES_PERSON[event_type] = (key, instead)


def unnamed_in(events: Iterable[JournalEvent], user: User) -> set[int]:
    """The people these events name whom the user may not see named."""
    named = (
        event.payload.get(NAMES_PERSON[event.type][0])
        for event in events
        if event.type in NAMES_PERSON
    )
    return access.unnamed_for(user, named)


def describe(event: JournalEvent, unnamed: Collection[int] = ()) -> str:
    """The event in words; `unnamed` (from `unnamed_in`) are people not to name."""
    naming = NAMES_PERSON.get(event.type)
    if naming is not None and event.payload.get(naming[0]) in unnamed:
        return naming[1]
    describer = DESCRIBERS.get(event.type)
    if describer is None:
        return event.type.split(".")[-1].replace("_", " ").capitalize()
    return describer(event.payload)


def is_backdated(event: JournalEvent) -> bool:
    return event.recorded_at - event.occurred_at > BACKDATED_AFTER


def category(event_type: str) -> str:
    return event_type.split(".")[0]


def counted(number: int, thing: str, plural: str = "") -> str:
    """ "1 action", "3 actions": a count in words with the noun agreeing."""
    return f"{number} {thing if number == 1 else plural or thing + 's'}"


def has_time(event: JournalEvent) -> bool:
    """Whether the time of day it happened is known. An event known only by its
    date is stored at local midnight (`clock.start_of`), so midnight exactly
    reads as "no time recorded"."""
    return timezone.localtime(event.occurred_at).time() != dt.time.min


def _moment(event: JournalEvent) -> dt.datetime:
    """When, within its day, the event happened as nearly as Haven knows. For a
    dated event, the latest it can have been: when it was recorded, if that was
    the same day; otherwise the end of the day. So a decision dated today sorts
    after this morning's contact that led to it, not before it at midnight."""
    if has_time(event):
        return event.occurred_at
    day = timezone.localdate(event.occurred_at)
    start = clock.start_of(day)
    end = clock.start_of(day + dt.timedelta(days=1)) - dt.timedelta(microseconds=1)
    return min(max(event.recorded_at, start), end)


def newest_first(events: Iterable[JournalEvent]) -> list[JournalEvent]:
    """Ordered by when each happened, then when it was recorded, newest first."""
    return sorted(
        events,
        key=lambda e: (_moment(e), e.recorded_at, e.sequence),
        reverse=True,
    )
