"""Which journal events notify whom.

The listener reads event types as strings, so no app below knows notifications
exist and this app imports none of them but through the core. It runs inside
the service's transaction: the notification commits with the event or not at
all, and its email is sent only after the commit (haven.notifications.mail).
"""

from collections.abc import Callable, Iterable

from haven.core import clock
from haven.core.models import JournalEvent
from haven.core.selectors import current_allocation
from haven.notifications import mail
from haven.notifications.models import Notification

Kind = Notification.Kind
SUBMITTED = "assessments.assessment_submitted"


def assessor(event: JournalEvent) -> Iterable[int | None]:
    """Who submitted the assessment (its worker): the actor of its latest
    submission, read from the same child's journal."""
    found = (
        JournalEvent.objects.filter(
            person_id=event.person_id,
            type=SUBMITTED,
            payload__assessment=event.payload.get("assessment"),
        )
        .order_by("-sequence")
        .values_list("actor_id", flat=True)
        .first()
    )
    return [found]


def allocated_worker(event: JournalEvent) -> Iterable[int | None]:
    """The worker the case was given to (a transfer is an allocation too)."""
    return [event.payload.get("worker_id")]


def action_owners(event: JournalEvent) -> Iterable[int | None]:
    """Whoever a supervision gave an action to, once each."""
    return {action.get("owner_id") for action in event.payload.get("actions", [])}


def case_holder(event: JournalEvent) -> Iterable[int | None]:
    """The social worker who holds the child's case now."""
    held = current_allocation(event.person_id)
    return [held.worker_id if held else None]


# Event type -> (the kind of news, who it is for).
NEWS: dict[str, tuple[str, Callable[[JournalEvent], Iterable[int | None]]]] = {
    "assessments.assessment_returned": (Kind.ASSESSMENT_RETURNED, assessor),
    "assessments.assessment_authorised": (Kind.ASSESSMENT_AUTHORISED, assessor),
    "core.case_allocated": (Kind.CASE_ALLOCATED, allocated_worker),
    "casework.supervision_recorded": (Kind.SUPERVISION_ACTION, action_owners),
    "care.child_went_missing": (Kind.CHILD_MISSING, case_holder),
    "core.break_glass_used": (Kind.BREAK_GLASS, case_holder),
}


def notify(event: JournalEvent) -> None:
    """Turn one journal event into notifications for the people it concerns,
    never the person whose own action caused it. Migrated history
    (backfilled) tells no one: it is not news."""
    news = NEWS.get(event.type)
    if news is None or event.backfilled:
        return
    kind, recipients_of = news
    recipients = {pk for pk in recipients_of(event) if isinstance(pk, int)}
    recipients.discard(event.actor_id)
    if not recipients:
        return
    now = clock.now()
    Notification.objects.bulk_create(
        Notification(recipient_id=pk, event=event, kind=kind, created_at=now)
        for pk in sorted(recipients)
    )
    mail.after_commit(sorted(recipients))
