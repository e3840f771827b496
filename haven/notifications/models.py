"""A notification: one journal event that one member of staff should know of."""

from django.db import models
from django.db.models import Q


class Notification(models.Model):
    """Something happened that is the recipient's to know of (an assessment of
    theirs returned, a case given to them, a child of theirs gone missing).

    Only the event, the kind of news and the recipient are kept: the words are
    made when the notification is read, from what the reader may read then, so
    a record restricted since says nothing of its child.
    """

    class Kind(models.TextChoices):
        ASSESSMENT_RETURNED = "assessment_returned", "Assessment returned"
        ASSESSMENT_AUTHORISED = "assessment_authorised", "Assessment authorised"
        CASE_ALLOCATED = "case_allocated", "Case allocated"
        SUPERVISION_ACTION = "supervision_action", "Supervision action"
        CHILD_MISSING = "child_missing", "Child missing"
        BREAK_GLASS = "break_glass", "Temporary access"

    recipient = models.ForeignKey(
        "core.User", on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(
        "core.JournalEvent", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event", "kind"],
                name="notification_once_per_event",
            )
        ]
        indexes = [
            models.Index(
                fields=["recipient", "-created_at", "-id"],
                name="notification_list_idx",
            ),
            # The header's count on every page: only the unread are indexed.
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for user {self.recipient_id}"
