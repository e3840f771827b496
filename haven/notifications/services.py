"""Writes to a user's own notifications: marking them read. They are the
user's, not a child's record, so nothing is journaled."""

from haven.core import clock
from haven.core.errors import DomainError
from haven.core.models import User
from haven.notifications.models import Notification


def mark_read(notification_id: int, *, by: User) -> None:
    """Mark one of the user's notifications read (again is no change). Another
    user's notification is "not found", as one that does not exist."""
    mine = Notification.objects.filter(pk=notification_id, recipient=by)
    if not mine.exists():
        raise DomainError("not_found", "There is no such notification")
    mine.filter(read_at__isnull=True).update(read_at=clock.now())


def mark_all_read(*, by: User) -> int:
    """Mark every unread notification of the user read; how many were."""
    unread = Notification.objects.filter(recipient=by, read_at__isnull=True)
    return unread.update(read_at=clock.now())
