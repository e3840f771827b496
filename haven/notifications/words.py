"""A notification's words and link, made when it is read, from what the reader
may read then: for a child whose record they cannot (or no longer) open, only
that something happened, with no name (a restricted or sealed child's name is
itself the secret) and no link."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from haven.core import among
from haven.core.caseroles import CaseRole
from haven.core.models import JournalEvent, User
from haven.notifications.models import Notification

Kind = Notification.Kind
UNOPENABLE = "Something happened on a record you cannot open."


@dataclass(frozen=True)
class Shown:
    """One notification as its reader sees it."""

    pk: int
    words: str
    url: str
    created_at: Any
    unread: bool


def _actor(event: JournalEvent) -> str:
    return str(event.actor) if event.actor is not None else "Haven"


def _record(event: JournalEvent) -> str:
    return reverse("people:detail", args=[event.person_id])


def _returned(event: JournalEvent, child: str) -> tuple[str, str]:
    return (
        f"{_actor(event)} returned {child}'s assessment to you with comments",
        reverse("assessments:detail", args=[event.payload.get("assessment")]),
    )


def _authorised(event: JournalEvent, child: str) -> tuple[str, str]:
    return (
        f"{_actor(event)} authorised {child}'s assessment",
        reverse("assessments:detail", args=[event.payload.get("assessment")]),
    )


def _allocated(event: JournalEvent, child: str) -> tuple[str, str]:
    role = event.payload.get("role") or CaseRole.SOCIAL_WORKER
    as_role = "" if role == CaseRole.SOCIAL_WORKER else _as_role(role)
    before = event.payload.get("previous_worker")
    if before:
        words = f"{child}'s case was transferred to you{as_role} from {before}"
    else:
        words = f"{child}'s case was allocated to you{as_role}"
    return words, _record(event)


def _as_role(role: str) -> str:
    label = str(CaseRole(role).label) if role in CaseRole.values else role
    # "SEND case officer" keeps its capitals; "Early help lead" loses its first.
    if not label[:2].isupper():
        label = label[0].lower() + label[1:]
    return f" as {label}"


def _action(event: JournalEvent, child: str) -> tuple[str, str]:
    return (
        f"{_actor(event)} gave you an action in {child}'s case supervision",
        reverse("casework:supervisions", args=[event.person_id]),
    )


def _missing(event: JournalEvent, child: str) -> tuple[str, str]:
    away = event.payload.get("kind") == "A"
    what = "away without authorisation" if away else "missing"
    return (
        f"{child} was reported {what} by {_actor(event)}",
        _record(event) + "#missing-from-care",
    )


def _glass(event: JournalEvent, child: str) -> tuple[str, str]:
    return (
        f"{_actor(event)} opened {child}'s record with temporary access",
        _record(event),
    )


WORDS: dict[str, Callable[[JournalEvent, str], tuple[str, str]]] = {
    Kind.ASSESSMENT_RETURNED: _returned,
    Kind.ASSESSMENT_AUTHORISED: _authorised,
    Kind.CASE_ALLOCATED: _allocated,
    Kind.SUPERVISION_ACTION: _action,
    Kind.CHILD_MISSING: _missing,
    Kind.BREAK_GLASS: _glass,
}


def shown_to(user: User, notifications: list[Notification]) -> list[Shown]:
    """The user's notifications in words, with one access check for them all
    (the page's queries do not grow with its rows)."""
    ids = {n.event.person_id for n in notifications}
    openable = among.openable_among(user, ids).openable
    return [_shown(n, n.event.person_id in openable) for n in notifications]


def _shown(notification: Notification, openable: bool) -> Shown:
    words, url = UNOPENABLE, ""
    if openable:
        event = notification.event
        words, url = WORDS[notification.kind](event, event.person.full_name)
    return Shown(
        notification.pk,
        words,
        url,
        notification.created_at,
        notification.read_at is None,
    )
