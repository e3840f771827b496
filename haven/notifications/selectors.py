"""Reads of a user's own notifications."""

from django.db.models import QuerySet

from haven.core.models import User
from haven.notifications.models import Notification


def unread_count(user: User) -> int:
    """How many of the user's notifications are unread: one query, through the
    index of unread notifications, for the header of every page."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_of(user: User) -> QuerySet[Notification]:
    """The user's notifications, newest first, each with its event, child and
    actor (the words are made from them: haven.notifications.words)."""
    return (
        Notification.objects.filter(recipient=user)
        .select_related("event__person", "event__actor")
        .order_by("-created_at", "-pk")
    )
